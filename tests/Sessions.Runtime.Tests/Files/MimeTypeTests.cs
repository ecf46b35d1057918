using Xunit;

namespace Sessions.Runtime.Tests.Files;

public sealed class MimeTypeTests
{
    [Theory]
    [InlineData("report.pdf", "application/pdf")]
    [InlineData("REPORT.PDF", "application/pdf")]
    [InlineData("sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("photo.jpeg", "image/jpeg")]
    [InlineData("call.mp3", "audio/mpeg")]
    [InlineData("archive.tar.gz", "application/gzip")]
    [InlineData("no-extension", "application/octet-stream")]
    [InlineData("strange.qqq", "application/octet-stream")]
    public void The_type_is_guessed_from_the_extension_else_octet_stream(string name, string expected)
        => Assert.Equal(expected, MessageFile.FromBytes(new byte[] { 1 }, fileName: name).ContentType);

    [Fact]
    public void The_callers_type_wins_over_the_guess()
        => Assert.Equal("text/plain", MessageFile.FromBytes(new byte[] { 1 }, "text/plain", "data.pdf").ContentType);
}
