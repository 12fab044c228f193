# SPDX-License-Identifier: GPL-2.0
# make run: the resource-map sample driver (rmalloc(9F)'s examples).
# (Guest shell script.)  fd 3 keeps the device open, so its instance stays
# attached between the commands (an idle instance autodetaches).
DEV=/devices/pseudo/rmapbuf@0:rmapbuf
add_drv rmapbuf || exit 1
exec 3<>$DEV
echo "\$ echo 'staged through an rmalloc map' > $DEV; head -c 30 $DEV"
echo "staged through an rmalloc map" > $DEV || exit 1
head -c 30 $DEV | tr '\0' '.'; echo
echo "\$ rmbctl stats"
rmbctl -d $DEV stats || exit 1
echo "\$ cat /sys/kernel/debug/ddi_compat/rmap/*   (the driver's map)"
for f in /sys/kernel/debug/ddi_compat/rmap/*; do
	echo "$f:"; cat "$f" || exit 1
done
exec 3<&-
rem_drv rmapbuf || exit 1
echo "rmapbuf unloaded"
