#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef _WIN32

static wchar_t *wide(const char *s) {
  int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
  wchar_t *w = malloc(sizeof(wchar_t) * (n > 0 ? n : 1));
  if (w) {
    if (n <= 0) w[0] = 0;
    else MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
  }
  return w;
}

void gx_lock(gx_mutex *m) { AcquireSRWLockExclusive(m); }
void gx_unlock(gx_mutex *m) { ReleaseSRWLockExclusive(m); }

struct start { void (*fn)(void *); void *arg; };
static DWORD WINAPI trampoline(LPVOID p) {
  struct start s = *(struct start *)p;
  free(p);
  s.fn(s.arg);
  return 0;
}
int gx_thread_start(gx_thread *t, void (*fn)(void *), void *arg) {
  struct start *s = malloc(sizeof *s);
  if (!s) return -1;
  s->fn = fn;
  s->arg = arg;
  *t = CreateThread(NULL, 0, trampoline, s, 0, NULL);
  if (!*t) { free(s); return -1; }
  return 0;
}
void gx_thread_join(gx_thread t) {
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
}

/*
 * jvm.dll's own imports (the C runtime) live in <java>\bin, one folder up: that folder is added for this load only
 * (an AddDllDirectory cookie, searched because of LOAD_LIBRARY_SEARCH_DEFAULT_DIRS). The JVM itself then loads
 * its libraries by absolute path, except one: while JNI_CreateJavaVM opens lib\modules, jimage.dll looks for
 * zip.dll by bare name (GetModuleHandle, then LoadLibrary("zip.dll")) to inflate a compressed image, as a jlinked
 * runtime is; it keeps what it found for the JVM's life. A bare LoadLibrary searches the process's standard order
 * (the folder of Excel.exe, the system folders, PATH), where <java>\bin is not: the cookie does not count there,
 * and the JVM crashes (a call through a null pointer in jimage.dll). So zip.dll (and java.dll, which it imports) is
 * loaded here by absolute path, never freed, and jimage.dll's GetModuleHandle finds it: the process's search order
 * is not changed at all. See addin/README.md, "The runtime's DLLs".
 */
static HMODULE load_beside(const wchar_t *path) {
  return LoadLibraryExW(path, NULL, LOAD_LIBRARY_SEARCH_DEFAULT_DIRS | LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR);
}

void *gx_jvm_open(const char *path, const char **why) {
  wchar_t *w = wide(path);
  size_t n = w ? wcslen(w) : 0;
  wchar_t *bin = w ? malloc(sizeof(wchar_t) * (n + 16)) : NULL;
  if (!bin) { free(w); *why = "out of memory"; return NULL; }
  wcscpy(bin, w);
  wchar_t *p = wcsrchr(bin, L'\\');
  if (p) { *p = 0; p = wcsrchr(bin, L'\\'); }
  if (p) *p = 0; /* <java>\bin\server\jvm.dll -> <java>\bin */
  DLL_DIRECTORY_COOKIE cookie = p ? AddDllDirectory(bin) : NULL;
  HMODULE h = load_beside(w);
  DWORD err = h ? 0 : GetLastError();
  if (h && p) {
    wcscat(bin, L"\\zip.dll");
    if (!load_beside(bin)) {
      FreeLibrary(h);
      h = NULL;
      *why = "no bin\\zip.dll beside it: not a complete Java runtime";
    }
  }
  if (cookie) RemoveDllDirectory(cookie);
  free(bin);
  free(w);
  if (!h && !err) return NULL;
  if (!h) *why = err == ERROR_BAD_EXE_FORMAT ? "not a 64-bit library (32-bit Java?)" : "LoadLibrary failed";
  return h;
}
void *gx_lib_sym(void *lib, const char *name) { return (void *)GetProcAddress((HMODULE)lib, name); }
int gx_file_exists(const char *path) {
  wchar_t *w = wide(path);
  DWORD a = w ? GetFileAttributesW(w) : INVALID_FILE_ATTRIBUTES;
  free(w);
  return a != INVALID_FILE_ATTRIBUTES;
}
char *gx_getenv(const char *name) {
  wchar_t *wn = wide(name);
  wchar_t buf[4096];
  DWORD n = wn ? GetEnvironmentVariableW(wn, buf, 4096) : 0;
  free(wn);
  if (n == 0 || n >= 4096) return NULL;
  int m = WideCharToMultiByte(CP_UTF8, 0, buf, -1, NULL, 0, NULL, NULL);
  char *s = malloc(m > 0 ? m : 1);
  if (s) WideCharToMultiByte(CP_UTF8, 0, buf, -1, s, m, NULL, NULL);
  return s;
}
void *gx_fopen(const char *path, const char *mode) {
  wchar_t *w = wide(path), *m = wide(mode);
  FILE *f = (w && m) ? _wfopen(w, m) : NULL;
  free(w);
  free(m);
  return f;
}
void gx_timestamp(char *buf, int n) {
  SYSTEMTIME t;
  GetLocalTime(&t);
  snprintf(buf, n, "%04d-%02d-%02d %02d:%02d:%02d.%03d", t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute,
           t.wSecond, t.wMilliseconds);
}

#else
#include <dlfcn.h>
#include <sys/time.h>
#include <unistd.h>

void gx_lock(gx_mutex *m) { pthread_mutex_lock(m); }
void gx_unlock(gx_mutex *m) { pthread_mutex_unlock(m); }

struct start { void (*fn)(void *); void *arg; };
static void *trampoline(void *p) {
  struct start s = *(struct start *)p;
  free(p);
  s.fn(s.arg);
  return NULL;
}
int gx_thread_start(gx_thread *t, void (*fn)(void *), void *arg) {
  struct start *s = malloc(sizeof *s);
  if (!s) return -1;
  s->fn = fn;
  s->arg = arg;
  if (pthread_create(t, NULL, trampoline, s) != 0) { free(s); return -1; }
  return 0;
}
void gx_thread_join(gx_thread t) { pthread_join(t, NULL); }
void *gx_jvm_open(const char *path, const char **why) {
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) *why = "dlopen failed";
  return h;
}
void *gx_lib_sym(void *lib, const char *name) { return dlsym(lib, name); }
int gx_file_exists(const char *path) { return access(path, F_OK) == 0; }
char *gx_getenv(const char *name) {
  const char *v = getenv(name);
  return v && *v ? strdup(v) : NULL;
}
void *gx_fopen(const char *path, const char *mode) { return fopen(path, mode); }
void gx_timestamp(char *buf, int n) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  struct tm tm;
  time_t s = tv.tv_sec;
  localtime_r(&s, &tm);
  snprintf(buf, n, "%04d-%02d-%02d %02d:%02d:%02d.%03d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
           tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(tv.tv_usec / 1000));
}
#endif
