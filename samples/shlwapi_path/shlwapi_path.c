/* shlwapi's Path* and Str* families: each call on the inputs whose results Windows documents,
 * printed in brackets; NULL results print as (null). */
#include <windows.h>
/* Windows 10 returns BOOL from these two; mingw-w64's header still says void. */
#define PathQuoteSpacesA SdkPathQuoteSpacesA
#define PathUnquoteSpacesA SdkPathUnquoteSpacesA
#include <shlwapi.h>
#undef PathQuoteSpacesA
#undef PathUnquoteSpacesA
DECLSPEC_IMPORT BOOL WINAPI PathQuoteSpacesA(LPSTR path);
DECLSPEC_IMPORT BOOL WINAPI PathUnquoteSpacesA(LPSTR path);
#include <stdio.h>

static char buf[MAX_PATH];
#define S(x) ((x) ? (x) : "(null)")

static const char *Set(const char *s) { lstrcpynA(buf, s, MAX_PATH); return buf; }

int main(void)
{
    const char *names[] = {"C:\\dir\\file.txt", "C:\\dir\\", "C:\\", "file", "\\\\srv\\share\\a.b.c", "a.tar gz", "", NULL};
    for (int i = 0; names[i]; i++)
        printf("FindFileName/Extension [%s] -> [%s] [%s]\n", names[i], PathFindFileNameA(names[i]),
               PathFindExtensionA(names[i]));
    const char *specs[] = {"C:\\dir\\file.txt", "C:\\dir\\", "C:\\file", "C:\\", "\\file", "file", "\\\\srv\\share",
                           "\\\\srv\\share\\x", NULL};
    for (int i = 0; specs[i]; i++) {
        Set(specs[i]);
        BOOL r = PathRemoveFileSpecA(buf);
        printf("RemoveFileSpec [%s] -> %d [%s]\n", specs[i], r, buf);
    }
    const char *roots[] = {"C:\\", "C:", "\\", "\\\\srv", "\\\\srv\\share", "\\\\srv\\share\\", "\\\\srv\\share\\x",
                           "C:\\x", "", NULL};
    for (int i = 0; roots[i]; i++)
        printf("IsRoot/IsRelative/IsUNC/SkipRoot/Drive [%s] %d %d %d [%s] %d\n", roots[i], PathIsRootA(roots[i]),
               PathIsRelativeA(roots[i]), PathIsUNCA(roots[i]), S(PathSkipRootA(roots[i])),
               PathGetDriveNumberA(roots[i]));
    const char *canon[] = {"C:\\a\\.\\b", "C:\\a\\..\\b", "C:\\..", "C:\\a\\b\\..\\..\\..\\c", "C:\\a\\", "C:\\a\\.",
                           "a\\..\\b", "\\a\\..", "", "..\\a", NULL};
    for (int i = 0; canon[i]; i++) {
        char out[MAX_PATH] = "?";
        BOOL r = PathCanonicalizeA(out, canon[i]);
        printf("Canonicalize [%s] -> %d [%s]\n", canon[i], r, out);
    }
    char out[MAX_PATH];
    printf("Combine [%s]\n", S(PathCombineA(out, "C:\\a", "b\\c")));
    printf("Combine [%s]\n", S(PathCombineA(out, "C:\\a\\", "..\\c")));
    printf("Combine [%s]\n", S(PathCombineA(out, "C:\\a", "\\c")));
    printf("Combine [%s]\n", S(PathCombineA(out, "C:\\a", "D:\\c")));
    printf("Combine [%s]\n", S(PathCombineA(out, NULL, "x")));
    printf("Combine [%s]\n", S(PathCombineA(out, "C:\\a", NULL)));
    Set("C:\\a"); printf("Append %d [%s]\n", PathAppendA(buf, "\\b"), buf);
    Set("C:\\a\\"); printf("Append %d [%s]\n", PathAppendA(buf, "b\\..\\c"), buf);
    Set("C:\\a"); printf("AddBackslash [%s] [%s]\n", PathAddBackslashA(buf) - 1, buf);
    Set("C:\\a\\"); printf("RemoveBackslash [%s] [%s]\n", PathRemoveBackslashA(buf), buf);
    Set("C:\\"); PathRemoveBackslashA(buf); printf("RemoveBackslash root [%s]\n", buf);
    Set("C:\\a\\f.txt"); PathRemoveExtensionA(buf); printf("RemoveExtension [%s]\n", buf);
    Set("C:\\a\\f.txt"); printf("RenameExtension %d [%s]\n", PathRenameExtensionA(buf, ".doc"), buf);
    Set("C:\\a\\f"); printf("AddExtension %d [%s]\n", PathAddExtensionA(buf, NULL), buf);
    Set("C:\\a\\f.txt"); printf("AddExtension existing %d [%s]\n", PathAddExtensionA(buf, ".x"), buf);
    Set("C:\\a\\f.txt"); PathStripPathA(buf); printf("StripPath [%s]\n", buf);
    Set("C:\\a\\b"); printf("StripToRoot %d [%s]\n", PathStripToRootA(buf), buf);
    Set("\\\\srv\\share\\a\\b"); printf("StripToRoot %d [%s]\n", PathStripToRootA(buf), buf);
    Set("C:\\Program Files\\x"); printf("QuoteSpaces %d [%s]\n", PathQuoteSpacesA(buf), buf);
    printf("UnquoteSpaces %d [%s]\n", PathUnquoteSpacesA(buf), buf);
    Set("C:\\x"); printf("QuoteSpaces no space %d [%s]\n", PathQuoteSpacesA(buf), buf);
    printf("GetArgs [%s] [%s]\n", PathGetArgsA("\"C:\\a b\\x.exe\" -v -q"), PathGetArgsA("x.exe"));
    Set("x.exe -v -q"); PathRemoveArgsA(buf); printf("RemoveArgs [%s]\n", buf);
    Set("  a b  "); PathRemoveBlanksA(buf); printf("RemoveBlanks [%s]\n", buf);
    printf("FindNextComponent [%s] [%s] [%s] %s\n", PathFindNextComponentA("C:\\a\\b"), PathFindNextComponentA("a"),
           PathFindNextComponentA("\\\\srv\\x"), S(PathFindNextComponentA("")));
    printf("CommonPrefix %d", PathCommonPrefixA("C:\\a\\b", "C:\\a\\c", out)); printf(" [%s]\n", out);
    printf("CommonPrefix %d", PathCommonPrefixA("C:\\a", "C:\\b", out)); printf(" [%s]\n", out);
    printf("CommonPrefix %d", PathCommonPrefixA("C:\\abc", "C:\\ABD", out)); printf(" [%s]\n", out);
    printf("CommonPrefix %d %d %d\n", PathCommonPrefixA("C:\\a", "D:\\a", NULL), PathCommonPrefixA("C:\\a", "c:\\A\\b", NULL),
           PathCommonPrefixA("\\\\s\\a", "\\\\s\\b", NULL));
    printf("IsPrefix %d %d, IsSameRoot %d %d %d\n", PathIsPrefixA("C:\\a", "C:\\a\\b"), PathIsPrefixA("C:\\a", "C:\\ab"),
           PathIsSameRootA("C:\\a", "C:\\b\\c"), PathIsSameRootA("C:\\a", "D:\\a"), PathIsSameRootA("a", "a"));
    BOOL r = PathRelativePathToA(out, "C:\\a\\b", FILE_ATTRIBUTE_DIRECTORY, "C:\\a\\c\\d.txt", 0);
    printf("RelativePathTo %d [%s]\n", r, out);
    r = PathRelativePathToA(out, "C:\\a\\f.txt", 0, "C:\\a\\g.txt", 0);
    printf("RelativePathTo %d [%s]\n", r, out);
    r = PathRelativePathToA(out, "C:\\x\\y", FILE_ATTRIBUTE_DIRECTORY, "C:\\z", 0);
    printf("RelativePathTo %d [%s]\n", r, out);
    r = PathRelativePathToA(out, "C:\\x", FILE_ATTRIBUTE_DIRECTORY, "D:\\z", 0);
    printf("RelativePathTo other drive %d\n", r);
    char root[4] = "?";
    printf("BuildRoot [%s]\n", PathBuildRootA(root, 3));
    r = PathCompactPathExA(out, "C:\\Program Files\\Vendor\\Product\\file.txt", 25, 0);
    printf("CompactPathEx %d [%s]\n", r, out);
    r = PathCompactPathExA(out, "C:\\a\\verylongfilenamehere.txt", 10, 0);
    printf("CompactPathEx %d [%s]\n", r, out);
    printf("MatchSpec %d %d %d %d %d %d\n", PathMatchSpecA("file.txt", "*.TXT"), PathMatchSpecA("file", "*.*"),
           PathMatchSpecA("file.txt", "*.doc; *.txt"), PathMatchSpecA("ab", "a?"), PathMatchSpecA("abc", "a?"),
           PathMatchSpecA("x.c", "*.doc;*.h"));
    printf("MatchSpecEx %08lX %08lX %08lX\n", PathMatchSpecExA("a.txt", "*.doc;*.txt", PMSF_MULTIPLE),
           PathMatchSpecExA("a.txt", "*.doc;*.txt", PMSF_NORMAL), PathMatchSpecExA("a.txt", " *.txt ", PMSF_NORMAL));
    printf("IsUNCServer %d %d, ServerShare %d %d, FileSpec %d %d\n", PathIsUNCServerA("\\\\srv"),
           PathIsUNCServerA("\\\\srv\\s"), PathIsUNCServerShareA("\\\\srv\\s"), PathIsUNCServerShareA("\\\\srv"),
           PathIsFileSpecA("a.txt"), PathIsFileSpecA("C:a.txt"));
    printf("FileExists %d %d, IsDirectory %X %X %X\n", PathFileExistsA("C:\\Windows\\System32\\kernel32.dll"),
           PathFileExistsA("C:\\nothing"), PathIsDirectoryA("C:\\Windows"),
           PathIsDirectoryA("C:\\Windows\\System32\\kernel32.dll"), PathIsDirectoryA("C:\\nothing"));
    WCHAR w[MAX_PATH];
    printf("W Combine [%ls]\n", PathCombineW(w, L"C:\\Users", L"..\\Temp\\.\\x"));
    printf("W FindExtension [%ls]\n", PathFindExtensionW(L"C:\\a.b\\c"));

    /* Strings. */
    const char *hay = "Hello World Hello";
    printf("StrStrI [%s] StrStr %s StrRStrI [%s]\n", StrStrIA(hay, "WORLD"), S(StrStrA(hay, "WORLD")),
           StrRStrIA(hay, NULL, "hello"));
    printf("StrChr [%s] StrChrI [%s] StrRChr [%s] StrRChrI [%s]\n", StrChrA(hay, 'o'), StrChrIA(hay, 'W'),
           StrRChrA(hay, NULL, 'l'), StrRChrIA(hay, NULL, 'H'));
    printf("StrCmpI %d %d %d, StrCmpNI %d %d, StrCmpN %d, StrCmpC %d %d\n", StrCmpIW(L"abc", L"ABC"),
           StrCmpIW(L"a", L"B"), StrCmpIW(L"b", L"A"), StrCmpNIA("abcd", "ABCE", 3), StrCmpNIA("abcd", "ABCE", 4),
           StrCmpNA("abc", "abd", 2), StrCmpCA("a", "B"), StrCmpICA("a", "B"));
    const WCHAR *logical[][2] = {{L"file2", L"file10"}, {L"file10", L"file2"}, {L"a", L"A"}, {L"x1y", L"x01y"},
                                 {L"abc", L"abd"}};
    for (int i = 0; i < 5; i++)
        printf("StrCmpLogicalW %ls %ls %d\n", logical[i][0], logical[i][1], StrCmpLogicalW(logical[i][0], logical[i][1]));
    printf("StrPBrk [%s] StrSpn %d StrCSpn %d StrCSpnI %d\n", StrPBrkA("hello, world", ",;"), StrSpnA("aabbc", "ab"),
           StrCSpnA("hello", "lo"), StrCSpnIA("hello", "L"));
    int v = 0;
    LONGLONG v64 = 0;
    BOOL ok1 = StrToIntExA("  -42abc", STIF_DEFAULT, &v);
    printf("StrToIntEx %d %d", ok1, v);
    ok1 = StrToIntExA("0x1F", STIF_SUPPORT_HEX, &v);
    printf(", hex %d %d", ok1, v);
    ok1 = StrToIntExA("0x1F", STIF_DEFAULT, &v);
    printf(", hex off %d %d", ok1, v);
    ok1 = StrToIntExA("abc", STIF_DEFAULT, &v);
    printf(", none %d %d", ok1, v);
    ok1 = StrToInt64ExW(L"9000000000", STIF_DEFAULT, &v64);
    printf(", 64 %d %lld, StrToInt %d\n", ok1, v64, StrToIntA("123x"));
    char trim[32] = "  xx hello xx  ";
    ok1 = StrTrimA(trim, " x");
    printf("StrTrim %d [%s]", ok1, trim);
    ok1 = StrTrimA(trim, "q");
    printf(" %d\n", ok1);
    char *dup = StrDupA("dup");
    printf("StrDup [%s]\n", dup);
    LocalFree(dup);
    WCHAR cpy[6];
    StrCpyNW(cpy, L"abcdefgh", 6);
    printf("StrCpyN [%ls]", cpy);
    char cat[8] = "abc";
    StrCatBuffA(cat, "defghij", sizeof(cat));
    printf(" StrCatBuff [%s]", cat);
    char ncat[16] = "ab";
    StrNCatA(ncat, "cdef", 3);
    printf(" StrNCat [%s]\n", ncat);
    WCHAR *sd;
    printf("SHStrDupA %08lX", SHStrDupA("wide", &sd));
    printf(" [%ls]\n", sd);
    /* (sd is the COM task allocator's: CoTaskMemFree, from ole32, would free it) */
    return 0;
}
