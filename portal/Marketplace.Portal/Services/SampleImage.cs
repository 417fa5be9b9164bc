using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Marketplace.Portal.Services;

/// <summary>
/// A small PNG drawn in code (sky, sun, hills), so image models can be tried without uploading a
/// file and without committing binary files to the repository.
/// </summary>
public static class SampleImage
{
    public const int Size = 224;

    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Png() => Encode(Size, Size, Pixel);

    /// <summary>RGB of a landscape: a vertical sky gradient, an orange sun, two green hills.</summary>
    private static (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var (sunX, sunY, sunR) = (150, 70, 32);
        if (((x - sunX) * (x - sunX)) + ((y - sunY) * (y - sunY)) <= sunR * sunR)
        {
            return (250, 170, 40);
        }
        if (y > 150 + (int)(18 * Math.Sin(x / 30.0)))
        {
            return (40, (byte)(120 + (y - 150) / 2), 50);
        }
        if (y > 130 + (int)(25 * Math.Cos(x / 45.0)))
        {
            return (70, 150, 70);
        }
        var t = y / (double)Size;
        return ((byte)(90 + 100 * t), (byte)(150 + 80 * t), 235);
    }

    /// <summary>An 8-bit RGB PNG: signature, IHDR, one zlib IDAT of unfiltered rows, IEND.</summary>
    public static byte[] Encode(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var raw = new byte[height * (1 + (width * 3))];
        var at = 0;
        for (var y = 0; y < height; y++)
        {
            raw[at++] = 0; // filter type "none"
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                raw[at++] = r;
                raw[at++] = g;
                raw[at++] = b;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB; compression, filter and interlace stay 0

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
