/* What the C tests take from POSIX, on Windows (mingw-w64): sockets through Winsock, and the
 * environment through the C runtime's _putenv_s, which also updates the process environment
 * that the library reads. Elsewhere the POSIX calls themselves. */
#ifndef WINDOWS_COMPAT_H
#define WINDOWS_COMPAT_H

#ifdef _WIN32
#include <stdlib.h>
#include <winsock2.h>
#include <ws2tcpip.h>

#define socket_read(fd, buffer, size) recv((SOCKET)(fd), (buffer), (int)(size), 0)
#define socket_write(fd, buffer, size) send((SOCKET)(fd), (buffer), (int)(size), 0)
#define socket_close(fd) closesocket((SOCKET)(fd))
/* The new value always replaces the old one: the tests only ever pass overwrite = 1. */
#define setenv(name, value, overwrite) _putenv_s((name), (value))
#define unsetenv(name) _putenv_s((name), "")

static inline int sockets_start(void) {
  WSADATA data;
  return WSAStartup(MAKEWORD(2, 2), &data);
}
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#define socket_read(fd, buffer, size) read((fd), (buffer), (size))
#define socket_write(fd, buffer, size) write((fd), (buffer), (size))
#define socket_close(fd) close(fd)

static inline int sockets_start(void) { return 0; }
#endif

#endif
