#!/bin/sh
# Install from the .tar.gz for this user only, without administrator rights:
#   tar xzf huurdersgroep-*.tar.gz && cd huurdersgroep-* && ./install-user.sh
# The program goes to ~/.local/opt/huurdersgroep, the menu entry and icons to ~/.local/share.
# Running it again with a newer version replaces the program; the group's files
# (~/.local/share/huurdersgroep) are never touched.
set -e
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
rm -rf "$HOME/.local/opt/huurdersgroep"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/icons" "$data/metainfo"
cp -a "$here/huurdersgroep" "$HOME/.local/opt/huurdersgroep"
ln -sf "$HOME/.local/opt/huurdersgroep/huurdersgroep" "$HOME/.local/bin/huurdersgroep"
sed "s|^Exec=huurdersgroep|Exec=$HOME/.local/opt/huurdersgroep/huurdersgroep|" "$here/huurdersgroep.desktop" \
  > "$data/applications/be.huurdersgroep.App.desktop"
cp -a "$here/icons/." "$data/icons/hicolor/"
cp "$here/be.huurdersgroep.App.metainfo.xml" "$data/metainfo/"
echo "Installed. Start 'Huurdersgroep' from the menu, or run: $HOME/.local/opt/huurdersgroep/huurdersgroep"
