/* The window messages of the WSAAsync* calls: user32's PostMessageW, found when first needed (as
 * Windows' ws2_32, which does not import user32). */
#pragma once
#include "sock.h"

BOOL WsPostMessage(HWND window, UINT message, WPARAM wp, LPARAM lp);
/* closesocket's note to WSAAsyncSelect: the socket's watcher ends. */
void WsAsyncSelectClosed(SOCKET s);
