using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Vms.Server.Features.Orders;

/// <summary>Writes the Voice Continuity welcome letter as a PDF with PDFsharp (IMP3).</summary>
public sealed class WelcomeLetterWriter
{
    private static readonly Lock FontLock = new();

    public WelcomeLetterWriter()
    {
        lock (FontLock)
        {
            GlobalFontSettings.FontResolver ??= new LetterFontResolver();
        }
    }

    /// <summary>The letter as PDF bytes, or null with a reason when no font is installed.</summary>
    public (byte[]? Pdf, string? Error) Write(WelcomeContent content, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!LetterFontResolver.IsAvailable)
        {
            return (null, "No TrueType font found (install fonts-dejavu-core) to write the PDF letter.");
        }

        using var document = new PdfDocument();
        document.Info.Title = $"VMS — {content.CustomerName}";
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var title = new XFont("Letter", 16, XFontStyleEx.Regular);
            var body = new XFont("Letter", 11, XFontStyleEx.Regular);
            double y = 72;
            gfx.DrawString("VMS — Voice Continuity", title, XBrushes.Black, new XPoint(72, y));
            y += 24;
            gfx.DrawString(date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), body, XBrushes.Black, new XPoint(72, y));
            y += 36;
            foreach (var line in content.Lines)
            {
                gfx.DrawString(line, body, XBrushes.Black, new XPoint(72, y));
                y += 16;
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return (stream.ToArray(), null);
    }
}
