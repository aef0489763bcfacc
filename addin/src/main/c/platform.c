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

void *gx_lib_open(const char *path, const char **why) {
  wchar_t *w = wide(path);
  if (!w) { *why = "out of memory"; return NULL; }
  /* Dependencies of jvm.dll (the C runtime) live one folder up, in <java>\bin. */
  wchar_t *dir = _wcsdup(w);
  DLL_DIRECTORY_COOKIE cookie = NULL;
  if (dir) {
    wchar_t *p = wcsrchr(dir, L'\\');
    if (p) { *p = 0; p = wcsrchr(dir, L'\\'); if (p) { *p = 0; cookie = AddDllDirectory(dir); } }
  }
  HMODULE h = LoadLibraryExW(w, NULL, LOAD_LIBRARY_SEARCH_DEFAULT_DIRS | LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR);
  DWORD err = h ? 0 : GetLastError();
  if (cookie) RemoveDllDirectory(cookie);
  free(dir);
  free(w);
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
void *gx_lib_open(const char *path, const char **why) {
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
