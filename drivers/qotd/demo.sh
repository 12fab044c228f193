# SPDX-License-Identifier: GPL-2.0
# make run: the Quote Of The Day driver, as a Solaris user would use it.
# (Guest shell script, not part of the driver source.)
DEV=/devices/pseudo/qotd@0:qotd
add_drv qotd || exit 1
echo "\$ cat $DEV"
head -c 128 $DEV | tr '\0' '\n' | head -1
echo "\$ qotdctl -g          (QOTDIOCGSZ from a 64-bit process)"
qotdctl -g || exit 1
echo "\$ qotdctl32 -g        (the same ioctl from a 32-bit process)"
qotdctl32 -g || exit 1
echo "\$ echo 'The quote is now mine.' > $DEV; cat $DEV"
printf 'The quote is now mine.\0' > $DEV || exit 1
head -c 128 $DEV | tr '\0' '\n' | head -1
echo "\$ rem_drv qotd        (detach refuses: the quote was changed)"
rem_drv qotd && { echo "unexpected: qotd unloaded with a changed quote"; exit 1; }
echo "\$ qotdctl -r; rem_drv qotd"
qotdctl -r || exit 1
rem_drv qotd || exit 1
echo "qotd unloaded"
