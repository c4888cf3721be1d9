using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vms.Server.Tests.Support;

/// <summary>Signing in through the real form endpoints, and JSON calls.</summary>
public static class Http
{
    public static async Task<(string FieldName, string Token)> AntiforgeryAsync(HttpClient client)
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/account/antiforgery");
        return (json.GetProperty("formFieldName").GetString()!, json.GetProperty("token").GetString()!);
    }

    /// <summary>Posts the sign-in form; returns the redirect target.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var (field, token) = await AntiforgeryAsync(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field] = token, ["username"] = userName, ["password"] = password, ["returnUrl"] = returnUrl,
        });
        using var response = await client.PostAsync("/account/login", form);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found, $"sign-in answered {response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var (field, token) = await AntiforgeryAsync(client);
        fields[field] = token;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    /// <summary>A client that calls the API with a personal access token.</summary>
    public static HttpClient WithToken(VmsApp app, string token)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
