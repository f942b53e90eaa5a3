using System.Net;

namespace Tsunagari.Tests.Platform;

public sealed class LivenessTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_bare_endpoint_answers_ok_in_plain_text_to_anyone()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/healthz/live", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
