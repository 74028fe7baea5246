/* Text to double (strtod.c), shared by strtod/atof/wcstod and scanf. */
#pragma once
/* Parses like strtod; *range is set on overflow or a nonzero value rounding to zero.
 * ucrt_syntax also accepts inf, infinity, nan, nan(...) and hexadecimal 0x1.8p3. */
double crt_strtod(const char *s, char **end, int *range, int ucrt_syntax);
