namespace Tsunagari.BrowserTests;

public static class RepositoryRoot
{
    /// <summary>The folder holding Tsunagari.slnx, found from the test binaries upwards.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Tsunagari.slnx"))) return folder.FullName;
        throw new DirectoryNotFoundException($"No Tsunagari.slnx above {AppContext.BaseDirectory}.");
    }
}
