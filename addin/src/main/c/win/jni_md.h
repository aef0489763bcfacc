/*
 * Machine-dependent JNI types for 64-bit Windows, written from the JNI specification
 * ("JNI Types and Data Structures"): jint is 32-bit, jlong 64-bit, jbyte signed 8-bit; exported
 * and imported functions use the Windows calling convention.
 */
#ifndef GAMMAXL_WIN_JNI_MD_H
#define GAMMAXL_WIN_JNI_MD_H

#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall

typedef int jint;
typedef long long jlong;
typedef signed char jbyte;

#endif
