using PdfSharp.Fonts;

namespace Vms.Server.Features.Orders;

/// <summary>Gives PDFsharp a TrueType font from the system (DejaVu Sans or Liberation Sans), whatever it asks for.</summary>
internal sealed class LetterFontResolver : IFontResolver
{
    private const string FaceName = "vms-letter";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "C:/Windows/Fonts/arial.ttf",
    ];

    private static readonly Lazy<byte[]?> Font = new(() => Candidates.Where(File.Exists).Select(File.ReadAllBytes).FirstOrDefault());

    public static bool IsAvailable => Font.Value is not null;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName);

    public byte[]? GetFont(string faceName) => Font.Value;
}
