/* GammaXL shim: the few OS services the shim needs, for Linux (test host) and Windows (Excel). */
#ifndef GAMMAXL_PLATFORM_H
#define GAMMAXL_PLATFORM_H

#include <stdint.h>

#ifdef _WIN32
#include <windows.h>
typedef SRWLOCK gx_mutex;
#define GX_MUTEX_INIT SRWLOCK_INIT
typedef HANDLE gx_thread;
#define GX_PATH_SEP '\\'
#define GX_CP_SEP ";"
#else
#include <pthread.h>
typedef pthread_mutex_t gx_mutex;
#define GX_MUTEX_INIT PTHREAD_MUTEX_INITIALIZER
typedef pthread_t gx_thread;
#define GX_PATH_SEP '/'
#define GX_CP_SEP ":"
#endif

void gx_lock(gx_mutex *m);
void gx_unlock(gx_mutex *m);
/* Starts fn(arg) on a new thread; returns 0 on success. */
int gx_thread_start(gx_thread *t, void (*fn)(void *), void *arg);
void gx_thread_join(gx_thread t);
/* Loads the JVM library by absolute UTF-8 path, with what the JVM needs loaded beside it (on Windows bin\zip.dll,
   see platform.c); on failure *why gets a short reason (static text). */
void *gx_jvm_open(const char *path, const char **why);
void *gx_lib_sym(void *lib, const char *name);
int gx_file_exists(const char *path);
/* Environment variable as UTF-8 (malloc'd) or NULL. */
char *gx_getenv(const char *name);
/* Wall-clock text for log lines. */
void gx_timestamp(char *buf, int n);
/* Opens a file for appending / reading, UTF-8 path. */
void *gx_fopen(const char *path, const char *mode);

#endif
