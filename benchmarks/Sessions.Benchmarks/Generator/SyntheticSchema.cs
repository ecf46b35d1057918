using System.Globalization;
using System.Text;

namespace Sessions.Benchmarks.Generator;

/// <summary>
/// A generated protocol of <c>N</c> events in one schema file, shaped like ours: an envelope, a <c>oneOf</c> union of
/// events told apart by a <c>type</c> const, each event an <c>allOf</c> of the envelope and its own <c>data</c> object
/// (strings, integers, numbers, booleans, a nullable string, a date-time, an enum, an array of a shared item, a map).
/// </summary>
public static class SyntheticSchema
{
    public static SchemaFile Create(int events)
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"$id\": \"synthetic-events.schema.json\",\n");
        sb.Append("  \"$ref\": \"#/definitions/SyntheticEvent\",\n  \"definitions\": {\n");
        sb.Append("""
            "Envelope": {
              "type": "object",
              "properties": {
                "type": { "type": "string" },
                "session_id": { "type": "string" },
                "seq": { "type": "integer", "format": "int64" },
                "request_id": { "type": "string" }
              },
              "required": [ "type", "session_id" ]
            },
            "Level": { "type": "string", "enum": [ "low", "medium", "high", "critical" ] },
            "Item": {
              "type": "object",
              "properties": { "name": { "type": "string" }, "score": { "type": "number" }, "url": { "type": "string", "format": "uri" } },
              "required": [ "name", "score" ]
            },
            "SyntheticEvent": {
              "oneOf": [
        """);
        for (var i = 0; i < events; i++)
        {
            sb.Append(i == 0 ? "\n" : ",\n").Append("        { \"$ref\": \"#/definitions/").Append(Name(i)).Append("\" }");
        }

        sb.Append("\n      ]\n    }");
        for (var i = 0; i < events; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append(",\n    \"").Append(Name(i)).Append("\": {\n      \"description\": \"Synthetic event ").Append(n).Append(".\",\n");
            sb.Append("      \"allOf\": [\n        { \"$ref\": \"#/definitions/Envelope\" },\n        {\n          \"type\": \"object\",\n          \"required\": [ \"type\", \"data\" ],\n");
            sb.Append("          \"properties\": {\n            \"type\": { \"const\": \"").Append(Wire(i)).Append("\" },\n");
            sb.Append("            \"data\": {\n              \"type\": \"object\",\n              \"properties\": {\n");
            sb.Append("                \"name_").Append(n).Append("\": { \"type\": \"string\" },\n");
            sb.Append("                \"count\": { \"type\": \"integer\" },\n");
            sb.Append("                \"ratio\": { \"type\": \"number\" },\n");
            sb.Append("                \"enabled\": { \"type\": \"boolean\" },\n");
            sb.Append("                \"note\": { \"type\": [ \"string\", \"null\" ] },\n");
            sb.Append("                \"at\": { \"type\": \"string\", \"format\": \"date-time\" },\n");
            sb.Append("                \"level\": { \"$ref\": \"#/definitions/Level\" },\n");
            sb.Append("                \"items\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/definitions/Item\" } },\n");
            sb.Append("                \"labels\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" } }\n");
            sb.Append("              },\n              \"required\": [ \"name_").Append(n).Append("\", \"count\", \"level\" ]\n            }\n          }\n        }\n      ]\n    }");
        }

        sb.Append("\n  }\n}\n");
        return new SchemaFile("/repo/schema/synthetic-events.schema.json", sb.ToString());
    }

    private static string Name(int i) => "Synthetic" + i.ToString("000", CultureInfo.InvariantCulture) + "Event";

    private static string Wire(int i) => "synthetic.kind_" + i.ToString("000", CultureInfo.InvariantCulture);
}
