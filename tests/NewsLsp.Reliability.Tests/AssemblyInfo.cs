// The reliability tests use Unix facilities (FIFOs, symbolic links, file modes, /proc); CI runs on Linux.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
