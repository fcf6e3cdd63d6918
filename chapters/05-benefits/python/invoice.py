# The three-step fetch, straight-line, with await. The "services" are
# coroutines that sleep instead of doing HTTP: the standard library has
# no asyncio HTTP client, and the shape of the code is the point here.
import asyncio

USERS = {"ada": {"id": "u1", "name": "ada"}}
ORDERS = {"u1": [{"id": "o7"}, {"id": "o3"}]}
INVOICES = {"o7": {"order": "o7", "total_cents": 4200}}


async def get(table, key):
    await asyncio.sleep(0.01)  # a network round trip
    if key not in table:
        raise LookupError(f"{key}: 404 Not Found")
    return table[key]


async def fetch_invoice(name):
    user = await get(USERS, name)
    orders = await get(ORDERS, user["id"])
    if not orders:
        raise LookupError(f"invoice for {name}: no orders")
    return await get(INVOICES, orders[0]["id"])


async def main():
    print(await fetch_invoice("ada"))
    try:
        await fetch_invoice("bob")
    except LookupError as err:
        print("error:", err)


asyncio.run(main())

# Output:
# {'order': 'o7', 'total_cents': 4200}
# error: bob: 404 Not Found
