#!/bin/sh
# deb postinst / rpm %post of the Forewarn agent (deb.afterInstall, rpm.afterInstall in electron-builder.yml).
#
# Setting afterInstall replaces electron-builder's own after-install.tpl, so this does what that does (the
# /usr/bin/forewarn link, chrome-sandbox's mode, the MIME and desktop databases, the AppArmor profile), then
# installs the machine-wide XDG autostart entry: a fleet install (Ansible, a repo) starts the agent at every
# user's next login without anyone opening it once. docs/packaging.md explains it.
#
# POSIX sh, not bash: rpm runs %post with /bin/sh whatever the first line says. Idempotent: every step may run
# again (dpkg reruns postinst on reconfigure; rpm runs the new package's %post on upgrade).
# electron-builder expands a dollar-brace-word in this file as one of its macros and fails on unknown ones, so
# variables are written $NAME or with an operator (:-), never in bare braces.
#
# DESTDIR (empty on a real install): a staged root (an image build, the unit test). Files go under it and
# nothing touches the running system (no update-alternatives, AppArmor or database refresh).
set -e

ROOT="${DESTDIR:-}"
APP_DIR=/opt/Forewarn          # electron-builder: /opt/<sanitized productName>
EXECUTABLE=forewarn            # linux.executableName
AUTOSTART_DIR="$ROOT/etc/xdg/autostart"
AUTOSTART="$AUTOSTART_DIR/forewarn.desktop"   # same name as the per-user entry, which overrides it (XDG spec)

# The command on PATH.
if [ -z "$ROOT" ] && type update-alternatives >/dev/null 2>&1; then
  # Remove a previous link that does not go through update-alternatives.
  if [ -L "/usr/bin/$EXECUTABLE" ] && [ -e "/usr/bin/$EXECUTABLE" ] && [ "$(readlink "/usr/bin/$EXECUTABLE")" != "/etc/alternatives/$EXECUTABLE" ]; then
    rm -f "/usr/bin/$EXECUTABLE"
  fi
  update-alternatives --install "/usr/bin/$EXECUTABLE" "$EXECUTABLE" "$APP_DIR/$EXECUTABLE" 100 || ln -sf "$APP_DIR/$EXECUTABLE" "/usr/bin/$EXECUTABLE"
else
  mkdir -p "$ROOT/usr/bin"
  ln -sf "$APP_DIR/$EXECUTABLE" "$ROOT/usr/bin/$EXECUTABLE"
fi

if [ -z "$ROOT" ]; then
  # Chromium's sandbox: user namespaces where the kernel has working ones, else the SUID helper.
  if [ -L /proc/self/ns/user ] && unshare --user true >/dev/null 2>&1; then
    chmod 0755 "$APP_DIR/chrome-sandbox" || true
  else
    chmod 4755 "$APP_DIR/chrome-sandbox" || true
  fi

  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database /usr/share/mime || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database /usr/share/applications || true
  fi

  # AppArmor profile (Ubuntu 24.04+), only where this AppArmor accepts it (22.04 does not need it).
  if apparmor_status --enabled >/dev/null 2>&1; then
    APPARMOR_PROFILE_SOURCE="$APP_DIR/resources/apparmor-profile"
    APPARMOR_PROFILE_TARGET="/etc/apparmor.d/$EXECUTABLE"
    if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" >/dev/null 2>&1; then
      cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"
      # Not in a chroot (an image being built): loading a profile there is neither possible nor useful.
      if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && command -v apparmor_parser >/dev/null 2>&1; then
        apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET" || true
      fi
    else
      echo "Skipping the AppArmor profile: this AppArmor does not support it"
    fi
  fi
fi

# Machine-wide start at login (GNOME, KDE, Xfce and the other XDG desktops). Written to a temporary file and
# renamed, so a desktop never reads half an entry; 0644 like every .desktop file.
mkdir -p "$AUTOSTART_DIR"
TMP="$AUTOSTART_DIR/.forewarn.desktop.$$"
cat >"$TMP" <<ENTRY
[Desktop Entry]
Type=Application
Name=Forewarn
Comment=Tells you in plain words when updates and restarts will happen
Exec=$APP_DIR/$EXECUTABLE --autostart
Icon=$EXECUTABLE
Terminal=false
StartupWMClass=forewarn
X-GNOME-Autostart-enabled=true
ENTRY
chmod 0644 "$TMP"
mv -f "$TMP" "$AUTOSTART"

exit 0
