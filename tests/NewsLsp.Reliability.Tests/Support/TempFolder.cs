namespace NewsLsp.Reliability.Tests;

/// <summary>A fresh folder under the system temp folder, deleted (permissions restored first) when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "newslsp-reliability")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string text) => WriteBytes(relative, new System.Text.UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            // Restore permissions without following links (the tests create link loops), then delete.
            var pending = new Stack<DirectoryInfo>([new DirectoryInfo(Path)]);
            while (pending.Count > 0)
            {
                var dir = pending.Pop();
                dir.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
                foreach (var entry in dir.EnumerateFileSystemInfos())
                {
                    if (entry.LinkTarget is not null) continue;
                    if (entry is DirectoryInfo sub) pending.Push(sub);
                    else entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
            }
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leave it for the OS to clean: a test must not fail on cleanup.
        }
    }
}
