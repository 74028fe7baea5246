/* The four codecvt ids (locale::id: one size_t, 0 until a locale first asks for the facet) and
 * the DLL's entry point. */
typedef struct { unsigned long long id; } locale_id;

locale_id codecvt_char16_id, codecvt_char32_id, codecvt_char16_char8_id, codecvt_char32_char8_id;

int __stdcall CodecvtIdsDllMain(void *instance, unsigned int reason, void *reserved)
{
    (void)instance;
    (void)reason;
    (void)reserved;
    return 1;
}
