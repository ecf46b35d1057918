using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.Validation;
using Xunit;

namespace Sessions.Protocol.Conformance.Tests;

/// <summary>
/// Pins what the judge does and does not check, so the workarounds in <see cref="GoldenFileTests"/> are
/// revisited if an NJsonSchema upgrade changes it.
/// </summary>
public sealed class NJsonSchemaBehaviourTests
{
    [Fact]
    public async Task Const_is_not_enforced_so_the_tests_read_the_discriminator_themselves()
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Schema("session-events.schema.json"));
        var delta = await File.ReadAllTextAsync(RepoPaths.Golden("events/message_delta.json"));
        var mislabelled = delta.Replace("\"type\": \"message_delta\"", "\"type\": \"thinking\"");
        Assert.NotEqual(delta, mislabelled);

        // A wrong "type" passes the branch whose const it contradicts...
        Assert.Empty(schema.Definitions["MessageDeltaEvent"].Validate(mislabelled));

        // ...and the root oneOf rejects even a correct event, because PongEvent matches it too.
        var rootErrors = schema.Validate(delta);
        Assert.Equal(ValidationErrorKind.NotOneOf, Assert.Single(rootErrors).Kind);
    }

    [Fact]
    public async Task Formats_uri_and_date_time_are_enforced_int64_range_is_not()
    {
        var schema = await JsonSchema.FromJsonAsync("""
            {
              "type": "object",
              "properties": {
                "url": { "type": "string", "format": "uri" },
                "at": { "type": "string", "format": "date-time" },
                "n": { "type": "integer", "format": "int32" }
              }
            }
            """);

        Assert.Equal(ValidationErrorKind.UriExpected, schema.Validate("""{"url": "not a uri"}""").Single().Kind);
        Assert.Equal(ValidationErrorKind.DateTimeExpected, schema.Validate("""{"at": "yesterday"}""").Single().Kind);
        Assert.Equal(ValidationErrorKind.IntegerExpected, schema.Validate("""{"n": 1.5}""").Single().Kind);

        // Integer formats are not range-checked: 2^31 passes "int32" (and so nothing checks "int64" either).
        Assert.Empty(schema.Validate("""{"n": 2147483648}"""));
    }
}
