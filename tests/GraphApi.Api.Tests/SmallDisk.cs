using System.Diagnostics;

namespace GraphApi.Api.Tests;

/// <summary>
/// A small tmpfs the test mounts for itself, so a store on it really runs out of space or turns read-only. Needs
/// root (CI and the development machines run as root); elsewhere <see cref="TryMount"/> says why it cannot.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string FillerPath => System.IO.Path.Combine(Path, "filler");

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MB, or returns null and the reason it could not.</summary>
    public static (SmallDisk? Disk, string? Reason) TryMount(int megabytes)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return (null, "mounting a small file system needs Linux and root");
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "graphapi-small-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            return (null, $"mount -t tmpfs failed ({output.Trim()})");
        }
        return (new SmallDisk(path), null);
    }

    /// <summary>Fills every free byte with a file of zeros (the write that finds no more space ends it).</summary>
    public void Fill()
    {
        var block = new byte[64 * 1024];
        using var filler = new FileStream(FillerPath, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException full) when (full.HResult == 28 || full.Message.Contains("space", StringComparison.OrdinalIgnoreCase))
        {
            // ENOSPC: the disk is full, which is what we wanted.
        }
    }

    public void Free() => File.Delete(FillerPath);

    /// <summary>Remounts read-only (or writable again); pooled SQLite connections are closed first, as open files keep a mount busy.</summary>
    public void MakeReadOnly(bool readOnly)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var (code, output) = Run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", Path);
        if (code != 0)
        {
            throw new InvalidOperationException($"remount {(readOnly ? "ro" : "rw")} failed: {output}");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var (code, output) = Run("umount", "-l", Path);
        if (code != 0)
        {
            throw new InvalidOperationException($"umount {Path} failed: {output}");
        }
        Directory.Delete(Path);
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
