using ReviewWorkflow.Storage.Configuration;
using ReviewWorkflow.Testing;

namespace ReviewWorkflow.Storage.Tests.Configuration;

public sealed class ConnectionStringTests
{
    private const string FictionalKey = "c2VjcmV0LWZpY3Rpb25hbC1rZXktZm9yLXRlc3RzLW9ubHk=";

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("UseDevelopmentStorage=True;")]
    public void Development_storage_points_at_azurite_path_style(string value)
    {
        var c = StorageConnection.Parse(value);

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), c.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), c.QueueEndpoint);
        Assert.Equal("devstoreaccount1", c.AccountName);
        Assert.Equal(StorageConnection.DevelopmentAccountKey, c.AccountKey);
        Assert.True(c.IsPathStyle);
        Assert.Null(c.Credential);
    }

    [Fact]
    public void Account_key_string_derives_virtual_host_endpoints()
    {
        var c = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=cheshirecouncil;AccountKey={FictionalKey};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://cheshirecouncil.table.core.windows.net"), c.TableEndpoint);
        Assert.Equal(new Uri("https://cheshirecouncil.queue.core.windows.net"), c.QueueEndpoint);
        Assert.Equal(("cheshirecouncil", FictionalKey), (c.AccountName, c.AccountKey));
        Assert.False(c.IsPathStyle);
    }

    [Fact]
    public void Protocol_and_suffix_default_and_can_change()
    {
        var defaults = StorageConnection.Parse($"AccountName=wirral;AccountKey={FictionalKey}");
        var sovereign = StorageConnection.Parse($"accountname=wirral;accountkey={FictionalKey};defaultendpointsprotocol=http;endpointsuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://wirral.table.core.windows.net"), defaults.TableEndpoint);
        Assert.Equal(new Uri("http://wirral.queue.core.chinacloudapi.cn"), sovereign.QueueEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_with_the_account_in_the_path_are_path_style()
    {
        var c = StorageConnection.Parse(Azurite.ConnectionStringFor(41002, 41001, 41000));

        Assert.Equal(new Uri("http://127.0.0.1:41002/devstoreaccount1"), c.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:41001/devstoreaccount1"), c.QueueEndpoint);
        Assert.True(c.IsPathStyle);
        Assert.Equal("devstoreaccount1", c.AccountName);
    }

    [Fact]
    public void Explicit_virtual_host_endpoint_is_kept_without_trailing_slash()
    {
        var c = StorageConnection.Parse($"AccountName=wirral;AccountKey={FictionalKey};TableEndpoint=https://wirral.table.example.test/;QueueEndpoint=https://wirral.queue.example.test");

        Assert.Equal("https://wirral.table.example.test/", c.TableEndpoint.AbsoluteUri);
        Assert.False(c.IsPathStyle);
    }

    public static TheoryData<string, string> BadStrings() => new()
    {
        { "", "empty" },
        { " ; ", "empty" },
        { "UseDevelopmentStorage=false", "UseDevelopmentStorage" },
        { $"AccountName=wirral", "AccountKey is missing" },
        { $"AccountKey={FictionalKey}", "AccountName is missing" },
        { "AccountName=wirral;AccountKey=not*base64!", "AccountKey is not valid Base64" },
        { $"AccountName=wirral;AccountKey={FictionalKey};DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol" },
        { $"AccountName=wirral;AccountKey={FictionalKey};TableEndpoint=not a uri", "TableEndpoint" },
        { $"AccountName=wirral;AccountKey={FictionalKey};QueueEndpoint=ftp://x/", "QueueEndpoint" },
        { $"AccountName=wirral;AccountKey={FictionalKey};AccountName=other", "more than once" },
        { $"AccountName=wirral;AccountKey={FictionalKey};Colour=blue", "segment 3 has an unknown setting 'Colour'" },
        { $"AccountName=wirral;{FictionalKey}", "segment 2" },
        { $"AccountName=wirral;AccountKey={FictionalKey};EndpointSuffix=bad suffix", "EndpointSuffix" },
        { "BlobEndpoint=https://x.blob.example.test;SharedAccessSignature=sv=2020&sig=abc", "SharedAccessSignature" },
    };

    [Theory]
    [MemberData(nameof(BadStrings))]
    public void Bad_strings_throw_format_exception_naming_the_problem_without_the_key(string value, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnection.Parse(value));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FictionalKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=abc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_throws_argument_null()
    {
        Assert.Throws<ArgumentNullException>(() => StorageConnection.Parse(null!));
    }

    [Fact]
    public void Service_uris_with_a_credential_derive_the_account_name()
    {
        var credential = new Azure.Identity.DefaultAzureCredential();

        var hosted = StorageConnection.FromServiceUris(new Uri("https://wirral.table.core.windows.net/"), new Uri("https://wirral.queue.core.windows.net/"), credential);
        var pathStyle = StorageConnection.FromServiceUris(new Uri("http://127.0.0.1:10002/devstoreaccount1"), new Uri("http://127.0.0.1:10001/devstoreaccount1"), credential);

        Assert.Equal(("wirral", false, null), (hosted.AccountName, hosted.IsPathStyle, hosted.AccountKey));
        Assert.Same(credential, hosted.Credential);
        Assert.Equal(("devstoreaccount1", true), (pathStyle.AccountName, pathStyle.IsPathStyle));
        Assert.Throws<ArgumentException>(() => StorageConnection.FromServiceUris(new Uri("/relative", UriKind.Relative), hosted.QueueEndpoint, credential));
    }
}
