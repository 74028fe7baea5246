/* Facet ids and statics: time_get's ids, and the data the DLL holds for the facets whose code is
 * all inline in the headers (messages, moneypunct, money_get, money_put: the program instantiates
 * them, but their ids and moneypunct's intl are declared imported), ctype<char>::table_size. */
#include "msvcp.h"

locale_id messages_char_id, messages_wchar_id, money_get_char_id, money_get_wchar_id, money_put_char_id,
    money_put_wchar_id, moneypunct_char_id, moneypunct_char_intl_id, moneypunct_wchar_id, moneypunct_wchar_intl_id,
    timeget_char_id, timeget_wchar_id;
const unsigned char moneypunct_intl_false = 0, moneypunct_intl_true = 1;
const size_t ctype_char_table_size = 256;
