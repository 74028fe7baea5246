/* The RECT and POINT helpers user32 exports: SetRect(Empty), CopyRect, InflateRect, OffsetRect,
 * IsRectEmpty, EqualRect, PtInRect, IntersectRect, UnionRect, SubtractRect. An empty rectangle
 * is one with no area (right <= left or bottom <= top). */
#include "user32.h"

__declspec(dllexport) BOOL WINAPI SetRect(LPRECT r, int l, int t, int rt, int b)
{
    if (r == NULL) return FALSE;
    r->left = l; r->top = t; r->right = rt; r->bottom = b;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI SetRectEmpty(LPRECT r) { return SetRect(r, 0, 0, 0, 0); }
__declspec(dllexport) BOOL WINAPI CopyRect(LPRECT d, const RECT *s) { if (d == NULL || s == NULL) return FALSE; *d = *s; return TRUE; }

__declspec(dllexport) BOOL WINAPI InflateRect(LPRECT r, int dx, int dy)
{
    if (r == NULL) return FALSE;
    r->left -= dx; r->right += dx; r->top -= dy; r->bottom += dy;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI OffsetRect(LPRECT r, int dx, int dy)
{
    if (r == NULL) return FALSE;
    r->left += dx; r->right += dx; r->top += dy; r->bottom += dy;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI IsRectEmpty(const RECT *r) { return r == NULL || r->right <= r->left || r->bottom <= r->top; }

__declspec(dllexport) BOOL WINAPI EqualRect(const RECT *a, const RECT *b)
{
    if (a == NULL || b == NULL) return FALSE;
    return a->left == b->left && a->top == b->top && a->right == b->right && a->bottom == b->bottom;
}

__declspec(dllexport) BOOL WINAPI PtInRect(const RECT *r, POINT p)
{
    return r && p.x >= r->left && p.x < r->right && p.y >= r->top && p.y < r->bottom;
}

__declspec(dllexport) BOOL WINAPI IntersectRect(LPRECT d, const RECT *a, const RECT *b)
{
    if (d == NULL || a == NULL || b == NULL) return FALSE;
    RECT r = {a->left > b->left ? a->left : b->left, a->top > b->top ? a->top : b->top,
              a->right < b->right ? a->right : b->right, a->bottom < b->bottom ? a->bottom : b->bottom};
    if (IsRectEmpty(a) || IsRectEmpty(b) || IsRectEmpty(&r)) { SetRectEmpty(d); return FALSE; }
    *d = r;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI UnionRect(LPRECT d, const RECT *a, const RECT *b)
{
    if (d == NULL || a == NULL || b == NULL) return FALSE;
    if (IsRectEmpty(a)) { if (IsRectEmpty(b)) { SetRectEmpty(d); return FALSE; } *d = *b; return TRUE; }
    if (IsRectEmpty(b)) { *d = *a; return TRUE; }
    RECT r = {a->left < b->left ? a->left : b->left, a->top < b->top ? a->top : b->top,
              a->right > b->right ? a->right : b->right, a->bottom > b->bottom ? a->bottom : b->bottom};
    *d = r;
    return TRUE;
}

/* SubtractRect: a less b, when b covers a whole side of a; a itself otherwise. */
__declspec(dllexport) BOOL WINAPI SubtractRect(LPRECT d, const RECT *a, const RECT *b)
{
    if (d == NULL || a == NULL || b == NULL) return FALSE;
    if (IsRectEmpty(a)) { SetRectEmpty(d); return FALSE; }
    RECT r = *a, i;
    if (IntersectRect(&i, a, b)) {
        if (EqualRect(&i, a)) { SetRectEmpty(d); return FALSE; }
        if (i.top == r.top && i.bottom == r.bottom) {
            if (i.left == r.left) r.left = i.right;
            else if (i.right == r.right) r.right = i.left;
        } else if (i.left == r.left && i.right == r.right) {
            if (i.top == r.top) r.top = i.bottom;
            else if (i.bottom == r.bottom) r.bottom = i.top;
        }
    }
    *d = r;
    return TRUE;
}
