/// The UK nation a council's `area` lies in, for council files that leave `nation` out.
///
/// Where residents report fraud depends on the nation (Police Scotland in Scotland, Report Fraud
/// elsewhere), so a wrong guess would send them to the wrong service. The lists hold only counties and
/// council areas that lie wholly in one nation and that no other well-known UK place shares. Names
/// that could mislead are left out on purpose: "Newport" (the Welsh city, and towns in Shropshire and
/// on the Isle of Wight), "Richmond" (Yorkshire and London), "Isle of Man" (not in the UK at all).
/// Written in lower case, without a leading "County " or "Isle of ", with "and" for "&".
enum Nations {
    /// The 22 principal areas, in English and in Welsh, and the preserved and older counties.
    static let wales: [String] = [
        "wales", "cymru",
        "gwynedd", "anglesey", "ynys môn", "ynys mon", "conwy", "denbighshire", "sir ddinbych", "flintshire",
        "sir y fflint", "wrexham", "wrecsam", "powys", "ceredigion", "pembrokeshire", "sir benfro", "carmarthenshire",
        "sir gaerfyrddin", "swansea", "abertawe", "neath port talbot", "castell-nedd port talbot", "bridgend",
        "pen-y-bont ar ogwr", "vale of glamorgan", "bro morgannwg", "cardiff", "caerdydd", "rhondda cynon taf",
        "rhondda cynon taff", "merthyr tydfil", "merthyr tudful", "caerphilly", "caerffili", "blaenau gwent", "torfaen",
        "tor-faen", "monmouthshire", "sir fynwy", "casnewydd",
        "clwyd", "dyfed", "gwent", "glamorgan", "morgannwg", "mid glamorgan", "south glamorgan", "west glamorgan",
        "brecknockshire", "radnorshire", "montgomeryshire", "merionethshire", "caernarfonshire", "cardiganshire",
    ]

    /// The 32 council areas, with the short forms people write, and the historic counties.
    static let scotland: [String] = [
        "scotland", "alba",
        "aberdeen", "aberdeen city", "aberdeenshire", "angus", "argyll and bute", "city of edinburgh", "edinburgh",
        "clackmannanshire", "dumfries and galloway", "dundee", "dundee city", "east ayrshire", "east dunbartonshire",
        "east lothian", "east renfrewshire", "falkirk", "fife", "glasgow", "glasgow city", "highland", "inverclyde",
        "midlothian", "moray", "na h-eileanan siar", "eilean siar", "western isles", "north ayrshire",
        "north lanarkshire", "orkney", "orkney islands", "perth and kinross", "renfrewshire", "scottish borders",
        "shetland", "shetland islands", "south ayrshire", "south lanarkshire", "stirling", "west dunbartonshire",
        "west lothian",
        "argyll", "ayrshire", "banffshire", "berwickshire", "caithness", "dumfriesshire", "dunbartonshire",
        "inverness-shire", "kincardineshire", "kinross-shire", "kirkcudbrightshire", "lanarkshire", "nairnshire",
        "peeblesshire", "perthshire", "ross and cromarty", "roxburghshire", "selkirkshire", "stirlingshire",
        "sutherland", "wigtownshire",
    ]

    /// The six counties (with "Derry" for Londonderry) and the 11 districts.
    static let northernIreland: [String] = [
        "northern ireland",
        "antrim", "armagh", "down", "fermanagh", "londonderry", "derry", "tyrone",
        "antrim and newtownabbey", "ards and north down", "armagh city, banbridge and craigavon", "banbridge and craigavon",
        "belfast", "causeway coast and glens", "derry city and strabane", "derry and strabane", "fermanagh and omagh",
        "lisburn and castlereagh", "mid and east antrim", "mid ulster", "newry, mourne and down", "mourne and down",
    ]

    /// The 48 ceremonial counties, the newer unitary areas named after them, and the historic counties.
    static let england: [String] = [
        "england",
        "bedfordshire", "berkshire", "bristol", "city of bristol", "buckinghamshire", "cambridgeshire", "cheshire",
        "city of london", "london", "greater london", "cornwall", "cumbria", "derbyshire", "devon", "dorset", "durham",
        "east riding of yorkshire", "east sussex", "essex", "gloucestershire", "greater manchester", "hampshire",
        "herefordshire", "hertfordshire", "wight", "kent", "lancashire", "leicestershire", "lincolnshire",
        "merseyside", "norfolk", "north yorkshire", "northamptonshire", "northumberland", "nottinghamshire",
        "oxfordshire", "rutland", "shropshire", "somerset", "south yorkshire", "staffordshire", "suffolk", "surrey",
        "tyne and wear", "warwickshire", "west midlands", "west sussex", "west yorkshire", "wiltshire",
        "worcestershire",
        "cumberland", "westmorland", "westmorland and furness", "cheshire east", "cheshire west and chester",
        "central bedfordshire", "north northamptonshire", "west northamptonshire", "north somerset",
        "bath and north east somerset", "south gloucestershire", "north lincolnshire", "north east lincolnshire",
        "isles of scilly", "middlesex", "huntingdonshire", "sussex", "yorkshire",
    ]

    /// Each name to its nation, as `nation` writes it.
    static let byName: [String: String] = {
        var table: [String: String] = [:]
        let lists = [("wales", Nations.wales), ("scotland", Nations.scotland),
                     ("northern ireland", Nations.northernIreland), ("england", Nations.england)]
        for (nation, names) in lists {
            for name in names { table[name] = nation }
        }
        return table
    }()

    /// The nation `area` lies in, when that is certain: the whole of it, or its last comma-separated
    /// part ("Dwyfor, Gwynedd"), names a county or council area of one nation. Nil otherwise.
    static func nation(ofArea area: String) -> String? {
        let whole = normalised(area)
        guard !whole.isEmpty else { return nil }
        if let nation = byName[whole] { return nation }
        guard let last = area.split(separator: ",").last.map(String.init), last != area else { return nil }
        return byName[normalised(last)]
    }

    /// Lower case, single spaces, "and" for "&", without a leading "county", "co." or "isle of".
    static func normalised(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).map { $0 == "&" ? "and" : String($0) }
        if let first = words.first, ["county", "co.", "co"].contains(first), words.count > 1 {
            words.removeFirst()
        } else if words.count > 2, words[0] == "isle", words[1] == "of" {
            words.removeFirst(2)
        }
        return words.joined(separator: " ")
    }
}
