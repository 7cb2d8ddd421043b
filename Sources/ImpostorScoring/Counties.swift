import ImpostorText

/// UK counties and regions, as the bios of councils elsewhere name them ("…Parish Council, Shropshire").
enum Counties {
    static let names: [String] = [
        "Bedfordshire", "Berkshire", "Bristol", "Buckinghamshire", "Cambridgeshire", "Cheshire", "City of London",
        "Cornwall", "Cumbria", "Cumberland", "Westmorland", "Derbyshire", "Devon", "Dorset", "Durham", "County Durham",
        "East Riding of Yorkshire", "East Sussex", "Essex", "Gloucestershire", "Greater London", "Greater Manchester",
        "Hampshire", "Herefordshire", "Hertfordshire", "Isle of Wight", "Kent", "Lancashire", "Leicestershire",
        "Lincolnshire", "Merseyside", "Norfolk", "North Yorkshire", "Northamptonshire", "Northumberland",
        "Nottinghamshire", "Oxfordshire", "Rutland", "Shropshire", "Somerset", "South Yorkshire", "Staffordshire",
        "Suffolk", "Surrey", "Tyne and Wear", "Warwickshire", "West Midlands", "West Sussex", "West Yorkshire",
        "Wiltshire", "Worcestershire", "Middlesex", "Huntingdonshire", "Yorkshire", "Sussex", "Anglesey", "Gwynedd",
        "Conwy", "Denbighshire", "Flintshire", "Wrexham", "Powys", "Ceredigion", "Pembrokeshire", "Carmarthenshire",
        "Swansea", "Neath Port Talbot", "Bridgend", "Vale of Glamorgan", "Glamorgan", "Cardiff", "Rhondda Cynon Taf",
        "Merthyr Tydfil", "Caerphilly", "Blaenau Gwent", "Torfaen", "Monmouthshire", "Clwyd", "Dyfed",
        "Gwent", "Aberdeenshire", "Argyll and Bute", "Clackmannanshire", "Dumfries and Galloway",
        "East Ayrshire", "East Lothian", "Fife", "Inverclyde", "Midlothian", "Moray", "North Ayrshire",
        "North Lanarkshire", "Orkney", "Perth and Kinross", "Renfrewshire", "Scottish Borders", "Shetland",
        "South Ayrshire", "South Lanarkshire", "Stirling", "West Lothian", "Antrim", "Armagh", "County Down", "Fermanagh",
        "Londonderry", "Tyrone", "Isles of Scilly", "Tyrone",
    ]

    /// Each county as its word keys, longest first so "North Yorkshire" wins over "Yorkshire".
    static func keyed(_ folder: Folder) -> [[String]] {
        names.map { folder.fold($0).keys }.sorted { $0.count > $1.count }
    }

    /// The counties named in `keys`, each once, longest match first.
    static func named(in keys: [String], table: [[String]]) -> [[String]] {
        var found: [[String]] = []
        var i = 0
        while i < keys.count {
            if let hit = table.first(where: { c in i + c.count <= keys.count && keys[i..<(i + c.count)].elementsEqual(c) }) {
                if !found.contains(hit) { found.append(hit) }
                i += hit.count
            } else {
                i += 1
            }
        }
        return found
    }
}
