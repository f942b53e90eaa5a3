using Tsunagari.Platform;

namespace Tsunagari.Tests.Platform;

public sealed class CommandTests
{
    [Fact]
    public void No_verb_runs_the_server_with_every_argument_as_a_setting()
    {
        var command = Command.Parse(["--Database:Provider=Postgres"]);
        Assert.Null(command.Verb);
        Assert.Equal(["--Database:Provider=Postgres"], command.HostArgs);
    }

    [Fact]
    public void Admin_create_takes_its_email_and_passes_settings_on()
    {
        var command = Command.Parse(["admin", "create", "--email", "boss@example.jp", "--Tsunagari:DataDirectory=/tmp/x"]);
        Assert.Equal("admin create", command.Verb);
        Assert.Equal("boss@example.jp", command.Options["email"]);
        Assert.Equal(["--Tsunagari:DataDirectory=/tmp/x"], command.HostArgs);
    }

    [Fact]
    public void Seed_takes_a_scale()
    {
        var command = Command.Parse(["seed", "--scale", "demo"]);
        Assert.Equal("seed", command.Verb);
        Assert.Equal("demo", command.Options["scale"]);
    }

    [Fact]
    public void Reindex_is_a_verb()
    {
        var command = Command.Parse(["reindex", "--Tsunagari:DataDirectory=/tmp/x"]);
        Assert.Equal("reindex", command.Verb);
        Assert.Equal(["--Tsunagari:DataDirectory=/tmp/x"], command.HostArgs);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_lists_every_verb(string flag)
    {
        var command = Command.Parse([flag]);
        Assert.Equal(Command.Help, command.Verb);
        foreach (var verb in new[] { "migrate", "seed --scale demo", "admin create --email", "reindex" })
            Assert.Contains(verb, Command.Usage, StringComparison.Ordinal);
    }
}
