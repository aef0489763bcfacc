/*
 * GammaXL: the parts of Excel's C API (XLOPER12, function numbers, return codes) an XLL needs,
 * written from the published documentation so that the same definitions compile with gcc on Linux
 * and with mingw-w64 for 64-bit Excel, with an identical memory layout (asserted below).
 */
#ifndef GAMMAXL_XLCALL12_H
#define GAMMAXL_XLCALL12_H

#include <stddef.h>
#include <stdint.h>

#ifdef _WIN32
#define GX_EXPORT __declspec(dllexport)
#define GX_PASCAL __stdcall
#else
#define GX_EXPORT __attribute__((visibility("default")))
#define GX_PASCAL
#endif

/* Excel's 16-bit wide character: wchar_t on Windows, but 4 bytes on Linux, so a fixed type. */
typedef uint16_t XCHAR;
typedef int32_t XLBOOL;
typedef int32_t RW;
typedef int32_t COL;
typedef uintptr_t IDSHEET;

typedef struct xlref12 {
  RW rwFirst;
  RW rwLast;
  COL colFirst;
  COL colLast;
} XLREF12;

typedef struct xlmref12 {
  uint16_t count;
  XLREF12 reftbl[1];
} XLMREF12;

typedef struct xloper12 {
  union {
    double num;
    XCHAR *str; /* str[0] is the length, no terminator required */
    XLBOOL xbool;
    int32_t err;
    int32_t w;
    struct {
      uint16_t count;
      XLREF12 ref;
    } sref;
    struct {
      XLMREF12 *lpmref;
      IDSHEET idSheet;
    } mref;
    struct {
      struct xloper12 *lparray;
      RW rows;
      COL columns;
    } array;
    struct {
      union {
        int32_t level;
        int32_t tbctrl;
        IDSHEET idSheet;
      } valflow;
      RW rw;
      COL col;
      uint8_t xlflow;
    } flow;
    struct {
      union {
        uint8_t *lpbData;
        void *hdata;
      } h;
      int32_t cbData; /* 'long' in the SDK: 4 bytes on Windows */
    } bigdata;
  } val;
  uint32_t xltype;
} XLOPER12, *LPXLOPER12;

_Static_assert(sizeof(XCHAR) == 2, "XCHAR is UTF-16");
_Static_assert(sizeof(void *) == 8, "64-bit only: gammaxl64.xll is for 64-bit Excel");
_Static_assert(sizeof(XLOPER12) == 32, "XLOPER12 is 32 bytes on x64");
_Static_assert(offsetof(XLOPER12, xltype) == 24, "xltype at offset 24 on x64");
_Static_assert(offsetof(XLOPER12, val.array.rows) == 8, "array.rows at offset 8");
_Static_assert(offsetof(XLOPER12, val.array.columns) == 12, "array.columns at offset 12");
_Static_assert(offsetof(XLOPER12, val.sref.ref) == 4, "sref.ref at offset 4");
_Static_assert(offsetof(XLOPER12, val.bigdata.cbData) == 8, "bigdata.cbData at offset 8");

/* xltype */
#define xltypeNum 0x0001
#define xltypeStr 0x0002
#define xltypeBool 0x0004
#define xltypeRef 0x0008
#define xltypeErr 0x0010
#define xltypeFlow 0x0020
#define xltypeMulti 0x0040
#define xltypeMissing 0x0080
#define xltypeNil 0x0100
#define xltypeSRef 0x0400
#define xltypeInt 0x0800
#define xlbitXLFree 0x1000
#define xlbitDLLFree 0x4000
#define xltypeBigData (xltypeStr | xltypeInt)
#define GX_TYPE_MASK 0x0FFF

/* error codes */
#define xlerrNull 0
#define xlerrDiv0 7
#define xlerrValue 15
#define xlerrRef 23
#define xlerrName 29
#define xlerrNum 36
#define xlerrNA 42
#define xlerrGettingData 43

/* return codes of Excel12v */
#define xlretSuccess 0
#define xlretAbort 1
#define xlretInvXlfn 2
#define xlretInvCount 4
#define xlretInvXloper 8
#define xlretStackOvfl 16
#define xlretFailed 32
#define xlretUncalced 64

/* function numbers */
#define xlCommand 0x8000
#define xlSpecial 0x4000
#define xlFree (0 | xlSpecial)
#define xlCoerce (2 | xlSpecial)
#define xlGetName (9 | xlSpecial)
#define xlfSetName 88
#define xlfCaller 89
#define xlfRegister 149
#define xlfUnregister 201
#define xlcAlert (118 | xlCommand)

/* Excel's callback: MdCallBack12 exported by the host executable. */
typedef int(GX_PASCAL *EXCEL12PROC)(int xlfn, int coper, LPXLOPER12 *rgpxloper12, LPXLOPER12 xloper12Res);

/* Excel's limits */
#define GX_MAX_STR 32767
#define GX_MAX_ROWS 1048576
#define GX_MAX_COLS 16384

#endif
