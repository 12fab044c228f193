# SPDX-License-Identifier: GPL-2.0
# Harness self-test boot: a guest that never finishes.
while :; do sleep 3600; done
