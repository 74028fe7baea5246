#include "../except_setrans/translate.cpp"
