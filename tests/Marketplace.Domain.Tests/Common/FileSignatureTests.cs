using Marketplace.Domain.Files;

namespace Marketplace.Domain.Tests.Common;

public sealed class FileSignatureTests
{
    [Fact]
    public void Recognises_pdf_png_and_jpeg_by_their_first_bytes()
    {
        Assert.Equal(FileSignature.Pdf, FileSignature.Detect("%PDF-1.7\n"u8));
        Assert.Equal(FileSignature.Png, FileSignature.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Equal(FileSignature.Jpeg, FileSignature.Detect([0xFF, 0xD8, 0xFF, 0xE0]));
    }

    [Fact]
    public void Rejects_executables_text_and_empty_files()
    {
        Assert.Null(FileSignature.Detect([0x4D, 0x5A, 0x90, 0x00]));
        Assert.Null(FileSignature.Detect([0x7F, 0x45, 0x4C, 0x46]));
        Assert.Null(FileSignature.Detect("hello"u8));
        Assert.Null(FileSignature.Detect([]));
    }

    [Theory]
    [InlineData("contract.pdf", true)]
    [InlineData("CONTRACT.PDF", true)]
    [InlineData("contract.png", false)]
    [InlineData("contract", false)]
    public void The_name_must_agree_with_the_content(string name, bool matches) =>
        Assert.Equal(matches, FileSignature.NameMatches(name, FileSignature.Pdf));
}
