#include "../except_setrans/ehs.cpp"
