/*
 * GammaXL shim: the runtime and the JVM. Reads gammaxl.cfg, finds a 64-bit Java 17+ runtime (the configured one,
 * jre beside the add-in, JAVA_HOME, the registry), starts the JVM on a background thread and binds the bridge,
 * and attaches each calculation thread to the JVM once.
 */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include <stdlib.h>
#include <string.h>

#include "shim.h"

/* configuration */
static char *g_cfg_runtime;
static char *g_cfg_classpath;
char *g_cfg_calls;
static char **g_cfg_options;
static int g_cfg_noptions;

gx_upcall_fn g_upcall;
gx_upcall8_fn g_upcall8;

/* JVM */
static void *g_jvm_lib;
static char *g_jvm_path;
JavaVM *g_vm;
typedef jint(JNICALL *create_vm_fn)(JavaVM **, void **, void *);
typedef jint(JNICALL *created_vms_fn)(JavaVM **, jsize, jsize *);
static create_vm_fn g_create_vm;
static created_vms_fn g_created_vms;

bridge_refs J;
thread_state *g_threads;
__thread thread_state *t_state;
__thread int t_generation;

/* ------------------------------------------------------------------ configuration */

void free_config(void) {
  free(g_cfg_runtime); free(g_cfg_classpath);
  for (int i = 0; i < g_cfg_noptions; i++) free(g_cfg_options[i]);
  free(g_cfg_options);
  free(g_cfg_calls);
  g_cfg_runtime = g_cfg_classpath = g_cfg_calls = NULL;
  g_cfg_options = NULL;
  g_cfg_noptions = 0;
}

/* gammaxl.cfg: "key = value" lines; keys runtime, classpath (';'-separated), option (repeatable), log,
   calls (auto: a foreign-function upcall on Java 22+, else JNI; jni: always JNI). */
void load_config(const char *path) {
  size_t size;
  char *text = read_file(path, &size);
  if (!text) return;
  char *save = text;
  while (save && *save) {
    char *line = save;
    char *nl = strchr(line, '\n');
    if (nl) { *nl = 0; save = nl + 1; } else save = NULL;
    line = trim(line);
    if (!*line || *line == '#') continue;
    char *eq = strchr(line, '=');
    if (!eq) continue;
    *eq = 0;
    char *key = trim(line), *value = trim(eq + 1);
    if (strcmp(key, "runtime") == 0) { free(g_cfg_runtime); g_cfg_runtime = strdup(value); }
    else if (strcmp(key, "classpath") == 0) { free(g_cfg_classpath); g_cfg_classpath = strdup(value); }
    else if (strcmp(key, "log") == 0) { free(g_log_path); g_log_path = join_path(g_dir, value); }
    else if (strcmp(key, "calls") == 0) { free(g_cfg_calls); g_cfg_calls = strdup(value); }
    else if (strcmp(key, "option") == 0) {
      char **o = realloc(g_cfg_options, sizeof(char *) * (g_cfg_noptions + 1));
      if (o) { g_cfg_options = o; g_cfg_options[g_cfg_noptions++] = strdup(value); }
    }
  }
  free(text);
}

/* ------------------------------------------------------------------ runtime discovery */

static int java_major(const char *home) {
  char *p = join_path(home, "release");
  size_t n;
  char *text = p ? read_file(p, &n) : NULL;
  free(p);
  if (!text) return 0;
  int major = 0;
  char *v = strstr(text, "JAVA_VERSION=\"");
  if (v) {
    v += 14;
    major = atoi(v);
    if (major == 1) major = atoi(v + 2); /* 1.8 */
  }
  free(text);
  return major;
}

/* Tries one Java home; returns 1 when its JVM library is loaded. */
static int try_home(const char *label, const char *home, char *tried, size_t triedn) {
#ifdef _WIN32
  static const char *libs[] = {"bin\\server\\jvm.dll", "jre\\bin\\server\\jvm.dll"};
#else
  static const char *libs[] = {"lib/server/libjvm.so", "jre/lib/amd64/server/libjvm.so"};
#endif
  if (!home || !*home) { append(tried, triedn, "; %s: not set", label); return 0; }
  int major = java_major(home);
  if (major > 0 && major < 17) { append(tried, triedn, "; %s: %s is Java %d (17+ needed)", label, home, major); return 0; }
  for (int i = 0; i < 2; i++) {
    char *lib = join_path(home, libs[i]);
    if (!lib) return 0;
    if (gx_file_exists(lib)) {
      const char *why = "";
      void *h = gx_jvm_open(lib, &why);
      if (h) {
        g_create_vm = (create_vm_fn)gx_lib_sym(h, "JNI_CreateJavaVM");
        g_created_vms = (created_vms_fn)gx_lib_sym(h, "JNI_GetCreatedJavaVMs");
        if (g_create_vm && g_created_vms) {
          g_jvm_lib = h;
          g_jvm_path = lib;
          gx_log("runtime: %s (%s)", lib, label);
          return 1;
        }
        why = "no JNI_CreateJavaVM";
      }
      append(tried, triedn, "; %s: %s (%s)", label, lib, why);
      free(lib);
      return 0;
    }
    free(lib);
  }
  append(tried, triedn, "; %s: no JVM in %s", label, home);
  return 0;
}

#ifdef _WIN32
static char *registry_java_home(HKEY root, const wchar_t *key) {
  wchar_t ver[128], sub[512], home[1024];
  DWORD n = sizeof ver;
  if (RegGetValueW(root, key, L"CurrentVersion", RRF_RT_REG_SZ, NULL, ver, &n) != ERROR_SUCCESS) return NULL;
  _snwprintf(sub, 512, L"%ls\\%ls", key, ver);
  sub[511] = 0;
  n = sizeof home;
  if (RegGetValueW(root, sub, L"JavaHome", RRF_RT_REG_SZ, NULL, home, &n) != ERROR_SUCCESS) return NULL;
  int m = WideCharToMultiByte(CP_UTF8, 0, home, -1, NULL, 0, NULL, NULL);
  char *s = malloc(m > 0 ? m : 1);
  if (s) WideCharToMultiByte(CP_UTF8, 0, home, -1, s, m, NULL, NULL);
  return s;
}
#endif

/* Runtime search: the configured runtime, a "jre" folder beside the add-in, JAVA_HOME, the registry. */
int find_runtime(char *tried, size_t triedn) {
  tried[0] = 0;
  if (g_jvm_lib) return 1;
  if (g_cfg_runtime) {
    char *home = join_path(g_dir, g_cfg_runtime);
    int ok = try_home("configured runtime", home, tried, triedn);
    free(home);
    if (ok) return 1;
  }
  char *beside = join_path(g_dir, "jre");
  int ok = try_home("runtime beside the add-in", beside, tried, triedn);
  free(beside);
  if (ok) return 1;
  char *jh = gx_getenv("JAVA_HOME");
  ok = try_home("JAVA_HOME", jh, tried, triedn);
  free(jh);
  if (ok) return 1;
#ifdef _WIN32
  static const wchar_t *keys[] = {L"SOFTWARE\\JavaSoft\\JDK", L"SOFTWARE\\JavaSoft\\JRE",
                                  L"SOFTWARE\\JavaSoft\\Java Runtime Environment",
                                  L"SOFTWARE\\JavaSoft\\Java Development Kit"};
  int any = 0;
  for (int r = 0; r < 2; r++) {
    for (int k = 0; k < 4; k++) {
      char *home = registry_java_home(r == 0 ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER, keys[k]);
      if (home) {
        any = 1;
        ok = try_home("registry", home, tried, triedn);
        free(home);
        if (ok) return 1;
      }
    }
  }
  if (!any) append(tried, triedn, "; registry: no JavaSoft entry");
#endif
  return 0;
}

/* ------------------------------------------------------------------ JVM start (background) */

static jclass global_class(JNIEnv *env, const char *name) {
  jclass c = (*env)->FindClass(env, name);
  if (!c) return NULL;
  jclass g = (*env)->NewGlobalRef(env, c);
  (*env)->DeleteLocalRef(env, c);
  return g;
}

static jobject global_static(JNIEnv *env, jclass c, const char *name, const char *sig, jint arg, int with_arg) {
  jmethodID m = (*env)->GetStaticMethodID(env, c, name, sig);
  if (!m) return NULL;
  jobject o = with_arg ? (*env)->CallStaticObjectMethod(env, c, m, arg) : (*env)->CallStaticObjectMethod(env, c, m);
  if (!o || (*env)->ExceptionCheck(env)) return NULL;
  jobject g = (*env)->NewGlobalRef(env, o);
  (*env)->DeleteLocalRef(env, o);
  return g;
}

void describe_exception(JNIEnv *env, char *buf, size_t n) {
  jthrowable t = (*env)->ExceptionOccurred(env);
  (*env)->ExceptionClear(env);
  snprintf(buf, n, "unknown exception");
  if (!t) return;
  jclass c = (*env)->FindClass(env, "java/lang/Object");
  jmethodID m = c ? (*env)->GetMethodID(env, c, "toString", "()Ljava/lang/String;") : NULL;
  jstring s = m ? (jstring)(*env)->CallObjectMethod(env, t, m) : NULL;
  if (s && !(*env)->ExceptionCheck(env)) {
    const char *u = (*env)->GetStringUTFChars(env, s, NULL);
    if (u) { snprintf(buf, n, "%s", u); (*env)->ReleaseStringUTFChars(env, s, u); }
  }
  (*env)->ExceptionClear(env);
}

static int init_cache(JNIEnv *env, char *why, size_t whyn) {
  memset(&J, 0, sizeof J);
  J.bridge = global_class(env, BRIDGE_CLASS);
  J.dbl = global_class(env, "java/lang/Double");
  J.str = global_class(env, "java/lang/String");
  J.boolean = global_class(env, "java/lang/Boolean");
  J.error = global_class(env, "org/gammaxl/sheet/ExcelError");
  J.empty = global_class(env, "org/gammaxl/sheet/Empty");
  J.object = global_class(env, "java/lang/Object");
  J.object_array = global_class(env, "[Ljava/lang/Object;");
  if (!J.bridge || !J.dbl || !J.str || !J.boolean || !J.error || !J.empty || !J.object || !J.object_array) {
    char ex[512];
    describe_exception(env, ex, sizeof ex);
    snprintf(why, whyn, "bridge classes not found on the class path (%s)", ex);
    return -1;
  }
  J.call_slot = (*env)->GetStaticMethodID(env, J.bridge, "callSlot", "(IIIJ)D");
  J.attach = (*env)->GetStaticMethodID(env, J.bridge, "attach", "(Ljava/nio/ByteBuffer;)I");
  J.upcall = (*env)->GetStaticMethodID(env, J.bridge, "upcall", "(Ljava/lang/String;)J");
  J.upcall8 = (*env)->GetStaticMethodID(env, J.bridge, "upcallValues", "()J");
  J.call = (*env)->GetStaticMethodID(env, J.bridge, "call", "(I[Ljava/lang/Object;)Ljava/lang/Object;");
  J.text_number = (*env)->GetStaticMethodID(env, J.bridge, "textAsNumber", "(IILjava/lang/String;)D");
  J.error_code = (*env)->GetStaticMethodID(env, J.bridge, "errorCode", "(Ljava/lang/Object;)I");
  J.log = (*env)->GetStaticMethodID(env, J.bridge, "logFromShim", "(Ljava/lang/String;)V");
  J.value_of = (*env)->GetStaticMethodID(env, J.dbl, "valueOf", "(D)Ljava/lang/Double;");
  J.double_value = (*env)->GetMethodID(env, J.dbl, "doubleValue", "()D");
  J.boolean_value = (*env)->GetMethodID(env, J.boolean, "booleanValue", "()Z");
  if (!J.call_slot || !J.attach || !J.upcall || !J.upcall8 || !J.call || !J.text_number || !J.error_code || !J.log || !J.value_of || !J.double_value || !J.boolean_value) {
    char ex[512];
    describe_exception(env, ex, sizeof ex);
    snprintf(why, whyn, "bridge methods not found (%s)", ex);
    return -1;
  }
  jfieldID ft = (*env)->GetStaticFieldID(env, J.boolean, "TRUE", "Ljava/lang/Boolean;");
  jfieldID ff = (*env)->GetStaticFieldID(env, J.boolean, "FALSE", "Ljava/lang/Boolean;");
  jobject t = ft ? (*env)->GetStaticObjectField(env, J.boolean, ft) : NULL;
  jobject f = ff ? (*env)->GetStaticObjectField(env, J.boolean, ff) : NULL;
  J.t = t ? (*env)->NewGlobalRef(env, t) : NULL;
  J.f = f ? (*env)->NewGlobalRef(env, f) : NULL;
  J.missing = global_static(env, J.bridge, "missing", "()Ljava/lang/Object;", 0, 0);
  J.blank = global_static(env, J.bridge, "blank", "()Ljava/lang/Object;", 0, 0);
  for (int c = 0; c < 44; c++) J.err[c] = global_static(env, J.bridge, "error", "(I)Ljava/lang/Object;", c, 1);
  for (int c = 0; c < 44; c++) {
    if (!J.err[c]) { snprintf(why, whyn, "bridge error values unavailable"); return -1; }
  }
  if (!J.t || !J.f || !J.missing || !J.blank) { snprintf(why, whyn, "bridge constants unavailable"); return -1; }
  return 0;
}

static void free_cache(JNIEnv *env) {
  jobject *refs[] = {(jobject *)&J.bridge, (jobject *)&J.dbl, (jobject *)&J.str, (jobject *)&J.boolean,
                     (jobject *)&J.error, (jobject *)&J.empty, (jobject *)&J.object, (jobject *)&J.object_array,
                     &J.t, &J.f, &J.missing, &J.blank};
  for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
    if (*refs[i]) (*env)->DeleteGlobalRef(env, *refs[i]);
  }
  for (int c = 0; c < 44; c++) if (J.err[c]) (*env)->DeleteGlobalRef(env, J.err[c]);
  memset(&J, 0, sizeof J);
}

/* "-Djava.class.path=…": each ';'-separated entry of the configured class path (default lib/gammaxl.jar) resolved
   against the add-in folder; malloc'd, NULL when out of memory. */
static char *class_path_option(void) {
  const char *cfg = g_cfg_classpath ? g_cfg_classpath : "lib/gammaxl.jar";
  char *copy = strdup(cfg);
  size_t cap = 4096;
  char *cp = copy ? malloc(cap) : NULL;
  if (!cp) { free(copy); return NULL; }
  snprintf(cp, cap, "-Djava.class.path=");
  int first = 1;
  for (char *tok = strtok(copy, ";"); tok; tok = strtok(NULL, ";")) {
    char *e = join_path(g_dir, trim(tok));
    if (!e) continue;
    size_t need = strlen(cp) + strlen(e) + 2;
    if (need > cap) { cap = need * 2; char *ncp = realloc(cp, cap); if (!ncp) { free(e); break; } cp = ncp; }
    if (!first) strcat(cp, GX_CP_SEP);
    strcat(cp, e);
    first = 0;
    free(e);
  }
  free(copy);
  return cp;
}

/* Creates the JVM with the class path, the shim's own options and the configured ones; 0, or -1 with why. */
static int create_vm(JavaVM **vm, JNIEnv **env, char *why, size_t whyn) {
  char *cp = class_path_option();
  int nopt = g_cfg_noptions + 3;
  JavaVMOption *opts = cp ? calloc((size_t)nopt, sizeof *opts) : NULL;
  if (!opts) { free(cp); snprintf(why, whyn, "out of memory"); return -1; }
  opts[0].optionString = cp;
  opts[1].optionString = "-Xrs"; /* leave Ctrl-C and console signals to the host */
  /* the upcall stub is a restricted method: allowed without a warning (Java 17 accepts the flag too) */
  opts[2].optionString = "--enable-native-access=ALL-UNNAMED";
  for (int i = 0; i < g_cfg_noptions; i++) opts[3 + i].optionString = g_cfg_options[i];
  JavaVMInitArgs args;
  memset(&args, 0, sizeof args);
  args.version = JNI_VERSION_1_8;
  args.nOptions = nopt;
  args.options = opts;
  args.ignoreUnrecognized = JNI_FALSE;
  gx_log("starting JVM: %s", cp);
  jint rc = g_create_vm(vm, (void **)env, &args);
  free(opts);
  free(cp);
  if (rc != JNI_OK) { snprintf(why, whyn, "JNI_CreateJavaVM failed (%d): check the options in gammaxl.cfg", (int)rc); return -1; }
  return 0;
}

/* XllBridge.start (the catalogue and the log), then XllBridge.bind for each registered function, then the crossing
   of the fast path (XllBridge.upcall: a foreign-function upcall stub on Java 22+, else JNI). 0, or -1 with why. */
static int bind_bridge(JNIEnv *env, int created, char *why, size_t whyn) {
  jmethodID start = (*env)->GetStaticMethodID(env, J.bridge, "start", "(Ljava/lang/String;)I");
  jmethodID bind = (*env)->GetStaticMethodID(env, J.bridge, "bind", "(Ljava/lang/String;)I");
  jstring lp = (*env)->NewStringUTF(env, g_log_path ? g_log_path : "");
  jint served = start && bind && lp ? (*env)->CallStaticIntMethod(env, J.bridge, start, lp) : -1;
  if ((*env)->ExceptionCheck(env) || served < 0) {
    char ex[512];
    describe_exception(env, ex, sizeof ex);
    snprintf(why, whyn, "bridge start failed: %s", ex);
    return -1;
  }
  (*env)->DeleteLocalRef(env, lp);
  int bound = 0;
  for (int i = 0; i < g_nfns; i++) {
    jstring s = (*env)->NewStringUTF(env, g_fns[i].name);
    g_fns[i].java_index = s ? (*env)->CallStaticIntMethod(env, J.bridge, bind, s) : -1;
    if ((*env)->ExceptionCheck(env)) { (*env)->ExceptionClear(env); g_fns[i].java_index = -1; }
    if (s) (*env)->DeleteLocalRef(env, s);
    if (g_fns[i].java_index >= 0) bound++;
    else gx_log("%s is registered but the Java catalogue does not serve it: it returns #N/A", g_fns[i].name);
  }
  jstring mode = (*env)->NewStringUTF(env, g_cfg_calls ? g_cfg_calls : "auto");
  jlong up = mode ? (*env)->CallStaticLongMethod(env, J.bridge, J.upcall, mode) : 0;
  if ((*env)->ExceptionCheck(env)) { (*env)->ExceptionClear(env); up = 0; }
  if (mode) (*env)->DeleteLocalRef(env, mode);
  g_upcall = (gx_upcall_fn)(intptr_t)up;
  jlong up8 = up ? (*env)->CallStaticLongMethod(env, J.bridge, J.upcall8) : 0;
  if ((*env)->ExceptionCheck(env)) { (*env)->ExceptionClear(env); up8 = 0; }
  g_upcall8 = (gx_upcall8_fn)(intptr_t)up8;
  gx_log("JVM %s in %ld ms; %d of %d registered functions bound (Java serves %d); fast calls by %s",
         created ? "started" : "attached", now_ms() - g_open_ms, bound, g_nfns, (int)served,
         g_upcall ? "foreign-function upcall" : "JNI");
  return 0;
}

void start_jvm(void *unused) {
  (void)unused;
  char why[1024] = "";
  JNIEnv *env = NULL;
  JavaVM *vm = NULL;
  jsize n = 0;
  int created = 0;
  if (g_created_vms(&vm, 1, &n) == JNI_OK && n > 0) {
    if ((*vm)->AttachCurrentThread(vm, (void **)&env, NULL) != JNI_OK) { snprintf(why, sizeof why, "cannot attach to the running JVM"); goto fail; }
    gx_log("reusing the JVM already running in this process");
  } else {
    if (create_vm(&vm, &env, why, sizeof why) != 0) goto fail;
    created = 1;
  }
  g_vm = vm;
  if (init_cache(env, why, sizeof why) != 0 || bind_bridge(env, created, why, sizeof why) != 0) goto fail_detach;
  (*vm)->DetachCurrentThread(vm);
  state_set(ST_READY);
  return;
fail_detach:
  if (J.bridge) free_cache(env);
  (*vm)->DetachCurrentThread(vm);
fail:
  gx_log("Java not started: %s", why);
  state_set(ST_FAILED);
}

/* ------------------------------------------------------------------ per-thread state */

#ifndef _WIN32
static pthread_key_t g_detach_key;
static int g_detach_key_ok;
static void detach_at_exit(void *p) {
  thread_state *ts = p;
  if (ts && ts->env && g_vm && state_get() != ST_CLOSED) (*g_vm)->DetachCurrentThread(g_vm);
}
#endif

thread_state *attach_thread(void) {
  if (t_state && t_generation == g_generation) return t_state;
  JNIEnv *env = NULL;
  if ((*g_vm)->AttachCurrentThreadAsDaemon(g_vm, (void **)&env, NULL) != JNI_OK) return NULL;
  thread_state *ts = calloc(1, sizeof *ts);
  if (!ts) return NULL;
  ts->env = env;
  jobject b = (*env)->NewDirectByteBuffer(env, ts->in, (jlong)sizeof ts->in);
  ts->inbuf = b ? (*env)->NewGlobalRef(env, b) : NULL;
  ts->slot = ts->inbuf ? (*env)->CallStaticIntMethod(env, J.bridge, J.attach, ts->inbuf) : -1;
  if (b) (*env)->DeleteLocalRef(env, b);
  if ((*env)->ExceptionCheck(env) || ts->slot < 0) {
    (*env)->ExceptionClear(env);
    if (ts->inbuf) (*env)->DeleteGlobalRef(env, ts->inbuf);
    free(ts);
    return NULL;
  }
  gx_lock(&g_mutex);
  ts->next = g_threads;
  g_threads = ts;
  gx_unlock(&g_mutex);
#ifndef _WIN32
  if (g_detach_key_ok) pthread_setspecific(g_detach_key, ts);
#endif
  t_state = ts;
  t_generation = g_generation;
  return ts;
}


void threads_open(void) {
#ifndef _WIN32
  g_detach_key_ok = pthread_key_create(&g_detach_key, detach_at_exit) == 0;
#endif
}

/* Frees every calculation thread's state and the bridge's references (the threads stay attached: a daemon thread
   attached to a JVM that outlives the add-in costs nothing, and Excel's threads outlive it). */
void threads_close(int was_ready) {
  JNIEnv *env = NULL;
  if (was_ready && g_vm && (*g_vm)->AttachCurrentThread(g_vm, (void **)&env, NULL) == JNI_OK) {
    gx_lock(&g_mutex);
    thread_state *ts = g_threads;
    g_threads = NULL;
    gx_unlock(&g_mutex);
    while (ts) {
      thread_state *next = ts->next;
      if (ts->inbuf) (*env)->DeleteGlobalRef(env, ts->inbuf);
      free_payload(&ts->result);
      free(ts);
      ts = next;
    }
    free_cache(env);
  }
  t_state = NULL;
#ifndef _WIN32
  if (g_detach_key_ok) { pthread_key_delete(g_detach_key); g_detach_key_ok = 0; }
#endif
  /* the JVM library stays loaded (a JVM cannot be unloaded); only our copy of its path goes */
  free(g_jvm_path);
  g_jvm_path = NULL;
}
