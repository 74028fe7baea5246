/* sha256.c: SHA-256 of a byte string. */
#pragma once
#include "kernelbase.h"

void BaseSha256(const BYTE *data, SIZE_T size, BYTE digest[32]);
