using System.Collections.Frozen;
using System.Globalization;
using Vms.Server.Resources;

namespace Vms.Server.Features.Routing;

/// <summary>
/// The routing pages' texts in French and Dutch (English is the key); anything else falls back to
/// <see cref="PortalText"/>. Kept here so that the feature does not edit the shared resource files.
/// </summary>
public sealed class RoutingText
{
    private static readonly FrozenDictionary<string, (string Fr, string Nl)> Entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["Routing trees"] = ("Arbres de routage", "Routeringsbomen"),
        ["New tree"] = ("Nouvel arbre", "Nieuwe boom"),
        ["Name"] = ("Nom", "Naam"),
        ["Create"] = ("Créer", "Aanmaken"),
        ["Published"] = ("Publiée", "Gepubliceerd"),
        ["Draft"] = ("Brouillon", "Ontwerp"),
        ["Numbers"] = ("Numéros", "Nummers"),
        ["Open"] = ("Ouvrir", "Openen"),
        ["Tree"] = ("Arbre", "Boom"),
        ["Tree JSON"] = ("JSON de l'arbre", "JSON van de boom"),
        ["Save draft"] = ("Enregistrer le brouillon", "Ontwerp opslaan"),
        ["Validate"] = ("Valider", "Valideren"),
        ["Publish"] = ("Publier", "Publiceren"),
        ["Roll back to this version"] = ("Revenir à cette version", "Terug naar deze versie"),
        ["Versions"] = ("Versions", "Versies"),
        ["Version"] = ("Version", "Versie"),
        ["State"] = ("État", "Status"),
        ["By"] = ("Par", "Door"),
        ["Created"] = ("Créée", "Aangemaakt"),
        ["The tree is valid."] = ("L'arbre est valide.", "De boom is geldig."),
        ["Problems"] = ("Problèmes", "Problemen"),
        ["Saved."] = ("Enregistré.", "Opgeslagen."),
        ["Published version {0}."] = ("Version {0} publiée.", "Versie {0} gepubliceerd."),
        ["Simulator"] = ("Simulateur", "Simulator"),
        ["Caller (empty = withheld)"] = ("Appelant (vide = masqué)", "Beller (leeg = afgeschermd)"),
        ["Called number"] = ("Numéro appelé", "Gebeld nummer"),
        ["Date and time"] = ("Date et heure", "Datum en tijd"),
        ["Keys pressed (comma separated)"] = ("Touches pressées (séparées par des virgules)", "Ingedrukte toetsen (gescheiden door komma's)"),
        ["Outcome at each forward"] = ("Résultat à chaque renvoi", "Resultaat bij elke doorschakeling"),
        ["answered"] = ("répond", "beantwoord"),
        ["busy"] = ("occupé", "bezet"),
        ["no answer"] = ("pas de réponse", "geen antwoord"),
        ["failed"] = ("injoignable", "onbereikbaar"),
        ["Simulate"] = ("Simuler", "Simuleren"),
        ["Path"] = ("Chemin", "Pad"),
        ["Why"] = ("Pourquoi", "Waarom"),
        ["Ends"] = ("Fin", "Einde"),
        ["Attach to number"] = ("Associer au numéro", "Koppelen aan nummer"),
        ["Prompts"] = ("Messages", "Berichten"),
        ["Upload"] = ("Téléverser", "Uploaden"),
        ["Caller lists"] = ("Listes d'appelants", "Bellerlijsten"),
        ["Import the good rows anyway"] = ("Importer quand même les lignes correctes", "De goede rijen toch importeren"),
        ["Nothing was imported. Bad rows:"] = ("Rien n'a été importé. Lignes refusées :", "Niets werd geïmporteerd. Geweigerde rijen:"),
        ["{0} entries imported."] = ("{0} entrées importées.", "{0} items geïmporteerd."),
        ["Line"] = ("Ligne", "Regel"),
        ["Reason"] = ("Raison", "Reden"),
        ["Structure"] = ("Structure", "Structuur"),
        ["otherwise"] = ("sinon", "anders"),
        ["holiday"] = ("jour férié", "feestdag"),
        ["Or type the numbers, one per line"] = ("Ou tapez les numéros, un par ligne", "Of typ de nummers, één per regel"),
        ["Save"] = ("Enregistrer", "Opslaan"),
        ["Add a node"] = ("Ajouter un nœud", "Knooppunt toevoegen"),
        ["Choose a customer first."] = ("Choisissez d'abord un client.", "Kies eerst een klant."),
        ["Differences with the published version"] = ("Différences avec la version publiée", "Verschillen met de gepubliceerde versie"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string this[string english] => Translate(english, CultureInfo.CurrentUICulture);

    public string Format(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[english], args);

    public static string Translate(string english, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (Entries.TryGetValue(english, out var text))
        {
            return culture.TwoLetterISOLanguageName switch
            {
                "fr" => text.Fr,
                "nl" => text.Nl,
                _ => english,
            };
        }

        return PortalText.Translate(english, culture);
    }
}
