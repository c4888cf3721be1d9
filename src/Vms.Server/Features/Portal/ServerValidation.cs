using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Forms;
using Vms.Domain.Common;

namespace Vms.Server.Features.Portal;

/// <summary>
/// Shows the services' refusals (<see cref="FieldError"/>) on a Blazor form: an error whose field path
/// ("numbers[1].e164", "contact.email") names a property of the form model is shown under that input; any other
/// error is shown in the form's summary. Nothing is lost.
/// </summary>
public static partial class ServerValidation
{
    public static void Show(EditContext context, ValidationMessageStore store, IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(errors);
        store.Clear();
        foreach (var error in errors)
        {
            // The services speak English; the texts the portal knows are shown in the user's language.
            var message = Vms.Server.Resources.PortalText.Translate(error.Message, System.Globalization.CultureInfo.CurrentUICulture);
            store.Add(Resolve(context.Model, error.Field) ?? new FieldIdentifier(context.Model, string.Empty), message);
        }

        context.NotifyValidationStateChanged();
    }

    /// <summary>The form field a service's field path points at, or null when the model has no such field.</summary>
    public static FieldIdentifier? Resolve(object model, string? path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        object current = model;
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var match = SegmentPattern().Match(segments[i]);
            if (!match.Success)
            {
                return null;
            }

            var property = current.GetType().GetProperty(
                match.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            var isLast = i == segments.Length - 1;
            if (!match.Groups["index"].Success)
            {
                if (isLast)
                {
                    return new FieldIdentifier(current, property.Name);
                }

                current = property.GetValue(current)!;
                if (current is null)
                {
                    return null;
                }

                continue;
            }

            if (property.GetValue(current) is not IList list)
            {
                return null;
            }

            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index < 0 || index >= list.Count || list[index] is not { } item)
            {
                // The list as a whole is the best place for it.
                return new FieldIdentifier(current, property.Name);
            }

            if (isLast)
            {
                // An error about a whole list item: on the item's first text field, if it has one.
                var first = item.GetType().GetProperties().FirstOrDefault(p => p.PropertyType == typeof(string));
                return first is null ? new FieldIdentifier(current, property.Name) : new FieldIdentifier(item, first.Name);
            }

            current = item;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(\[(?<index>\d{1,6})\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
