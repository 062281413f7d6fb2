// Vite bundles the stylesheet imported by main.tsx; this tells tsc such an import is fine.
declare module '*.css';
