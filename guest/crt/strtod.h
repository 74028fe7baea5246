/* Text to double or float (strtod.c), shared by strtod/strtof/atof/wcstod and scanf. */
#pragma once
/* Parses like strtod; *range is set on overflow or a nonzero value rounding to zero.
 * ucrt_syntax also accepts inf, infinity, nan, nan(...) and hexadecimal 0x1.8p3. */
double crt_strtod(const char *s, char **end, int *range, int ucrt_syntax);
/* The same, rounded once, directly to float (strtof, scanf's %f). */
float crt_strtof(const char *s, char **end, int *range, int ucrt_syntax);
