// Typed events from the user's own schema (schema/orders.schema.json), generated at build time by the package.
using System.Text.Json;
using Shop.Orders;

string[] frames =
[
    """{"type":"order_placed","order_id":"A-1","total":12.5,"placed_at":"2026-01-02T03:04:05Z"}""",
    """{"order_id":"A-1","carrier":"postal_service","type":"order_shipped"}""",
    """{"type":"order_refunded","order_id":"A-1","amount":3}""",
];

var seen = new List<string>();
foreach (var frame in frames)
{
    var evt = JsonSerializer.Deserialize<OrderEvent>(frame)!;
    var described = evt switch
    {
        OrderPlacedEvent placed => $"placed {placed.OrderId} {placed.Total} {placed.PlacedAt:yyyy-MM-dd}",
        OrderShippedEvent shipped => $"shipped {shipped.OrderId} by {shipped.Carrier}",
        UnknownOrderEvent unknown => $"unknown {unknown.TypeName}, kept as {JsonSerializer.Serialize(evt)}",
        _ => "?",
    };
    seen.Add(described + " / " + evt.Accept(new Kind()));
    Console.WriteLine(seen[^1]);
}

string[] expected =
[
    "placed A-1 12.5 2026-01-02 / OrderPlaced",
    "shipped A-1 by PostalService / OrderShipped",
    """unknown order_refunded, kept as {"type":"order_refunded","order_id":"A-1","amount":3} / Unknown""",
];
return seen.SequenceEqual(expected) ? 0 : 1;

internal sealed class Kind : IOrderEventVisitor<OrderEventType>
{
    public OrderEventType Visit(OrderPlacedEvent value) => value.Type;

    public OrderEventType Visit(OrderShippedEvent value) => value.Type;

    public OrderEventType Visit(UnknownOrderEvent value) => value.Type;
}
