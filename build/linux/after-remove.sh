#!/bin/sh
# deb postrm / rpm %postun of the Forewarn agent (deb.afterRemove, rpm.afterRemove in electron-builder.yml).
#
# Replaces electron-builder's own after-remove.tpl, so it undoes what build/linux/after-install.sh did: the
# /usr/bin/forewarn link, the AppArmor profile and the machine-wide autostart entry. POSIX sh, idempotent;
# DESTDIR and the no-bare-braces rule as in after-install.sh.
#
# Only on a real removal, never on an upgrade: rpm runs the OLD package's %postun after the NEW one's %post
# ($1 = how many versions stay installed: 0 on erase, 1 or more on upgrade), and dpkg calls postrm with
# upgrade / failed-upgrade / abort-upgrade while the agent stays installed. Removing then would delete what
# the new version just installed.
set -e

case "${1:-remove}" in
  upgrade | failed-upgrade | abort-upgrade | [1-9]*) exit 0 ;;
esac

ROOT="${DESTDIR:-}"
APP_DIR=/opt/Forewarn
EXECUTABLE=forewarn

rm -f "$ROOT/etc/xdg/autostart/forewarn.desktop"

if [ -z "$ROOT" ] && type update-alternatives >/dev/null 2>&1; then
  # The registered alternative's path, not the /usr/bin link.
  update-alternatives --remove "$EXECUTABLE" "$APP_DIR/$EXECUTABLE" || true
elif [ -L "$ROOT/usr/bin/$EXECUTABLE" ]; then
  rm -f "$ROOT/usr/bin/$EXECUTABLE"
fi

APPARMOR_PROFILE_DEST="$ROOT/etc/apparmor.d/$EXECUTABLE"
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload it first so the policy is not left enforced until the next reboot (not in a chroot or staged root).
  if [ -z "$ROOT" ] && apparmor_status --enabled >/dev/null 2>&1; then
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && command -v apparmor_parser >/dev/null 2>&1; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi

exit 0
