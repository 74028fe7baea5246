/* The locale setlocale chose (setlocale.c), as the runtime's other files consult it. */
#pragma once

struct crt_locale_state {
    unsigned codepage;          /* LC_CTYPE: 0 for "C", else the code page multibyte text is in */
    int mb_cur_max;             /* LC_CTYPE: MB_CUR_MAX (4 for UTF-8) */
    int collate_c, monetary_c, numeric_c, time_c;   /* the category is "C" */
    unsigned collate_cp;        /* LC_COLLATE's code page (0 for "C") */
    unsigned long lcid[6];      /* each category's LCID, by LC_ number (0 for "C"; [LC_ALL] unused) */
};
extern struct crt_locale_state crt_locale;

void crt_ctype_set_codepage(unsigned codepage);     /* ctype.c: the classification and case tables */
void crt_set_mb_cur_max(int value);                 /* the flavour's MB_CUR_MAX (msvcrt's data) */
void crt_locale_data_changed(void);                 /* locale_data.c: msvcrt's exported locale data */
int strcmp(const char *, const char *);
