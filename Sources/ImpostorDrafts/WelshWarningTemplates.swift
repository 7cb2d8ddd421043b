/// The built-in Welsh wording of the public warnings: one template per channel, for accounts and for
/// e-mail, with the same placeholders as the English ones (`WarningTemplates`, `MailTemplates`).
///
/// Used when a council's file says `languages = ["cy", "en"]` (Welsh first) or `["en", "cy"]`. Plain,
/// everyday Welsh in the council's voice. Names stay as written: the templates avoid putting a value
/// after a word that would mutate it. Report Fraud keeps its English name: no official Welsh name
/// was found for it. Template names end in ".cy" ("warning-x.cy", written out as `warning-x.cy.txt`).
enum WelshWarningTemplates {
    /// The suffix of the Welsh templates' names.
    static let suffix = ".cy"

    static let header = WarningTemplates.header + """
        {{! Welsh wording: posted with the English one, in the order of the council's languages. }}

        """

    static let x = header + """
        {{! X: at most 280, as X counts: every link 23. Welsh letters (â, ŵ, ŷ) count 1. }}
        Rhybudd: mae cyfrif ffug "{{suspect_name}}" ({{suspect_handle}}) ar {{suspect_platform}} yn {{#target_person}}dynwared {{person_role}} y cyngor{{#person_name}}{{#optional 3}}, {{person_name}}{{/optional}}{{/person_name}}{{/target_person}}{{^target_person}}ein dynwared{{/target_person}}. Peidiwch ag ateb, rhannu nac anfon arian na manylion personol{{#optional 1}}; rhowch wybod i {{suspect_platform}}{{/optional}}. Ein cyfrifon: {{#official_here}}{{official_here}} {{/official_here}}{{accounts_link}}{{#optional 2}} Clerc: {{clerk_contact_short}}.{{/optional}} Colli arian? {{fraud_name}} {{fraud_phone}}
        """

    static let bluesky = header + """
        {{! Bluesky: at most 300 characters as typed, links included. }}
        Rhybudd: mae cyfrif ffug "{{suspect_name}}" ({{suspect_handle}}) ar {{suspect_platform}} yn dynwared {{impersonated_short}}.{{#optional 2}} Nid ein cyfrif ni yw hwn.{{/optional}} Peidiwch ag ateb, rhannu nac anfon arian na manylion personol{{#optional 1}}; rhowch wybod i {{suspect_platform}}{{/optional}}. Ein cyfrifon: {{#official_here}}{{official_here}} / {{/official_here}}{{accounts_link_bare}}{{#optional 1}} Clerc: {{clerk_contact_short}}.{{/optional}} Colli arian? {{fraud_name}} {{fraud_phone}}
        """

    static let mastodon = header + """
        {{! Mastodon: 500 characters by default; every link counts 23 and @name@server counts as @name. }}
        Rhybudd: mae cyfrif {{suspect_platform}} ffug, "{{suspect_name}}" ({{suspect_handle}}), yn dynwared {{impersonated_short}}. Nid ein cyfrif ni yw hwn.

        Peidiwch ag ateb y cyfrif, rhannu ei negeseuon, nac anfon arian na manylion personol ato. Rhowch wybod i {{suspect_platform}}.{{#optional 2}} Rydym ni wedi rhoi gwybod hefyd.{{/optional}}

        Ein cyfrifon: {{accounts_link}}{{#official_here}} (yma: {{official_here}}){{/official_here}}. Clerc: {{clerk_contact}}.

        Colli arian? Cysylltwch â'ch banc a {{fraud_name}}: {{fraud_site}}, {{fraud_phone}}.
        {{#optional 1}}

        #{{place_tag}}
        {{/optional}}
        """

    static let facebook = header + """
        {{! Facebook: held to 5,000 characters; only the first lines show before "See more". }}
        Rhybudd: mae cyfrif {{suspect_platform}} ffug yn dynwared {{impersonated}}.

        Mae'r cyfrif yn galw ei hun yn "{{suspect_name}}" ({{suspect_handle}}). Nid yw {{council_name}} yn rhedeg y cyfrif hwn, ac nid oes ganddo unrhyw gysylltiad â'r cyngor. Gwelsom y cyfrif am y tro cyntaf ar {{first_seen}}, ac rydym wedi rhoi gwybod amdano i {{suspect_platform}}.

        Beth i'w wneud
        - Peidiwch â derbyn ceisiadau ffrind ganddo, na'i ddilyn, ei ateb na chlicio ar ei ddolenni.
        - Peidiwch â rhannu ei negeseuon, hyd yn oed i rybuddio eraill: rhannwch y neges hon yn lle hynny.
        - Peidiwch byth ag anfon arian, manylion banc na manylion personol mewn ymateb i neges ar y cyfryngau cymdeithasol.
        - Rhowch wybod am y cyfrif i {{suspect_platform}} drwy'r dewis Report ar ei broffil.
        - Os ydych wedi colli arian, cysylltwch â'ch banc ar unwaith a rhowch wybod i {{fraud_name}} drwy {{fraud_site}} neu ar {{fraud_phone}}.

        Ni fydd {{council_name}} byth yn gofyn i chi am daliad na manylion banc drwy neges ar y cyfryngau cymdeithasol.

        Ein cyfrifon swyddogol
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}{{#account_url}} ({{account_url}}){{/account_url}}
        {{/official_accounts}}
        {{#accounts_link}}
        Mae'r rhestr lawn ar ein gwefan: {{accounts_link}}
        {{/accounts_link}}

        Os nad ydych yn siŵr a yw neges yn dod oddi wrthym ni, cysylltwch â'r clerc ar {{clerk_contact}}.
        """

    static let instagram = header + """
        {{! Instagram: 2,200 characters; links in a caption cannot be tapped, so name the website plainly. }}
        Rhybudd: mae cyfrif {{suspect_platform}} ffug yn dynwared {{impersonated}}.

        Mae'n galw ei hun yn "{{suspect_name}}" ({{suspect_handle}}). Nid yw {{council_name}} yn rhedeg y cyfrif hwn, ac rydym wedi rhoi gwybod amdano i {{suspect_platform}}.

        Peidiwch â dilyn y cyfrif, ei ateb na rhannu ei negeseuon, a pheidiwch byth ag anfon arian, manylion banc na manylion personol at gyfrif sy'n anfon neges atoch. Rhowch wybod amdano i {{suspect_platform}} drwy'r dewis Report ar ei broffil.

        Ni fydd {{council_name}} byth yn gofyn i chi am daliad na manylion banc drwy neges ar y cyfryngau cymdeithasol.

        Ein cyfrifon swyddogol:
        {{#official_accounts}}
        {{account_platform}}: {{account_handle}}
        {{/official_accounts}}
        Mae'r rhestr lawn ar ein gwefan, {{accounts_link}}.

        Ddim yn siŵr a yw neges yn dod oddi wrthym ni? Cysylltwch â'r clerc ar {{clerk_contact}}.

        Wedi colli arian? Cysylltwch â'ch banc a {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        """

    static let nextdoor = header + """
        {{! Nextdoor: no published limit, but only the first lines show; held to 600 characters in each language. }}
        Rhybudd: mae cyfrif {{suspect_platform}} ffug, "{{suspect_name}}" ({{suspect_handle}}), yn dynwared {{impersonated}}. Peidiwch ag ateb y cyfrif nac anfon arian na manylion personol ato, a rhowch wybod amdano i {{suspect_platform}}.

        Mae ein cyfrifon swyddogol wedi'u rhestru ar {{accounts_link}}. I wneud yn siŵr a yw neges yn dod oddi wrthym ni, cysylltwch â'r clerc ar {{clerk_contact}}.

        Wedi colli arian? Cysylltwch â'ch banc a {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        {{#optional 1}}

        Ni fydd {{council_name}} byth yn gofyn am daliad na manylion banc drwy neges ar y cyfryngau cymdeithasol.
        {{/optional}}
        """

    static let website = header + """
        {{! The council's website: a news item of 150 to 300 words in each language. }}
        Rhybudd: cyfrif {{suspect_platform}} ffug sy'n defnyddio {{#target_person}}enw {{person_role}} y cyngor{{/target_person}}{{^target_person}}enw'r cyngor{{/target_person}}

        Cyhoeddwyd {{drafted_on}}

        Mae cyfrif ar {{suspect_platform}} sy'n galw ei hun yn "{{suspect_name}}" ({{suspect_handle}}) yn dynwared {{impersonated}}. Nid yw {{council_name}} yn rhedeg y cyfrif hwn, ac nid oes ganddo unrhyw gysylltiad â'r cyngor. Gwelsom y cyfrif am y tro cyntaf ar {{first_seen}}, ac rydym wedi rhoi gwybod amdano i {{suspect_platform}}.

        Beth ddylech chi ei wneud
        - Peidiwch â derbyn ceisiadau ffrind neu ddilyn gan y cyfrif, ei ateb, na chlicio ar ei ddolenni.
        - Peidiwch â rhannu ei negeseuon, hyd yn oed i rybuddio eraill. Rhannwch yr hysbysiad hwn yn lle hynny.
        - Peidiwch byth ag anfon arian, manylion banc na manylion personol mewn ymateb i neges ar y cyfryngau cymdeithasol.
        - Rhowch wybod am y cyfrif i {{suspect_platform}} drwy'r dewis Report ar ei broffil.
        - Os ydych wedi colli arian neu wedi rhoi eich manylion banc, cysylltwch â'ch banc ar unwaith a rhowch wybod i {{fraud_name}} drwy {{fraud_site}} neu ar {{fraud_phone}}.

        Ni fydd {{council_name}} byth yn gofyn i chi am daliad na manylion banc drwy neges ar y cyfryngau cymdeithasol.

        Ein cyfrifon swyddogol
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}{{#account_url}} ({{account_url}}){{/account_url}}
        {{/official_accounts}}

        Nid yw unrhyw gyfrif arall sy'n defnyddio ein henw yn perthyn i ni.

        Cysylltu â ni
        Os nad ydych yn siŵr a yw neges yn dod oddi wrthym ni mewn gwirionedd, cysylltwch â'r clerc ar {{clerk_contact}}{{#clerk_address}}, neu ysgrifennwch at {{clerk_address}}{{/clerk_address}}.
        {{^pre_election}}
        {{#clerk_name}}

        Dywedodd {{clerk_name}}{{#clerk_role}}, {{clerk_role}}{{/clerk_role}}: "Ni fyddwn ni byth yn gofyn i drigolion am arian na manylion banc drwy'r cyfryngau cymdeithasol. Os oes rhywbeth yn edrych yn amheus, cysylltwch â ni yn gyntaf."

        [Awgrym am lun: sgrinlun o'r proffil ffug gyda'r gair "Ffug" ar ei draws. Peidiwch â defnyddio lluniau o gynghorwyr na staff.]
        {{/clerk_name}}
        {{/pre_election}}

        Bydd yr hysbysiad hwn yn cael ei ddiweddaru pan fydd y cyfrif wedi'i ddileu.
        """

    // E-mail sent in the council's or its people's name: the same voice as `MailTemplates`.

    static let mailX = header + """
        {{! X: at most 280, as X counts: every link 23. }}
        Rhybudd: mae negeseuon e-bost {{#target_person}}yn enw {{person_role}} y cyngor{{#person_name}}{{#optional 3}}, {{person_name}},{{/optional}}{{/person_name}}{{/target_person}}{{^target_person}}yn enw'r cyngor{{/target_person}} yn dod o {{suspect_handle}}. Nid ni sy'n eu hanfon. Peidiwch ag ateb, prynu cardiau rhodd nac anfon arian{{#optional 1}}; anfonwch nhw ymlaen i report@phishing.gov.uk{{/optional}}. Ein cyfrifon: {{accounts_link}}{{#optional 2}} Clerc: {{clerk_contact_short}}.{{/optional}} Colli arian? {{fraud_name}} {{fraud_phone}}
        """

    static let mailBluesky = header + """
        {{! Bluesky: at most 300 characters as typed, links included. }}
        Rhybudd: mae negeseuon e-bost {{#target_person}}yn enw {{person_role}} y cyngor{{/target_person}}{{^target_person}}yn enw'r cyngor{{/target_person}} yn dod o {{suspect_handle}}. Nid ni sy'n eu hanfon. Peidiwch ag ateb, prynu cardiau rhodd nac anfon arian{{#optional 1}}; anfonwch nhw ymlaen i report@phishing.gov.uk{{/optional}}. Ein cyfrifon: {{accounts_link_bare}}{{#optional 2}} Clerc: {{clerk_contact_short}}.{{/optional}} Colli arian? {{fraud_name}} {{fraud_phone}}
        """

    static let mailMastodon = header + """
        {{! Mastodon: 500 characters by default; every link counts 23. }}
        Rhybudd: mae negeseuon e-bost {{#target_person}}yn enw {{person_role}} y cyngor{{#person_name}}, {{person_name}},{{/person_name}}{{/target_person}}{{^target_person}}yn enw'r cyngor{{/target_person}} yn dod o {{suspect_handle}}. Nid ni sy'n eu hanfon.

        Peidiwch ag ateb, prynu cardiau rhodd nac anfon arian na manylion personol. Anfonwch yr e-bost ymlaen i report@phishing.gov.uk a'i ddileu.

        Ein cyfrifon: {{accounts_link}}. Ddim yn siŵr a yw neges yn dod oddi wrthym ni? Clerc: {{clerk_contact}}.

        Colli arian? Cysylltwch â'ch banc a {{fraud_name}}: {{fraud_site}}, {{fraud_phone}}.
        {{#optional 1}}

        #{{place_tag}}
        {{/optional}}
        """

    static let mailLongForm = """
        Rhybudd: mae negeseuon e-bost yn enw {{impersonated}} yn cael eu hanfon o'r cyfeiriad {{suspect_handle}}. Nid {{council_name}} sy'n eu hanfon.

        Efallai y bydd y negeseuon yn gofyn a ydych chi'n rhydd, yn gofyn am gymwynas, neu'n gofyn i chi brynu cardiau rhodd ac anfon y codau, gan addo talu'n ôl i chi. Gwelsom y negeseuon am y tro cyntaf ar {{first_seen}}.

        Beth i'w wneud
        - Peidiwch ag ateb, a pheidiwch â phrynu cardiau rhodd nac anfon arian, codau, manylion banc na manylion personol.
        - Anfonwch yr e-bost ymlaen i report@phishing.gov.uk, ac yna dilëwch ef.
        - Os ydych wedi colli arian, cysylltwch â'ch banc ar unwaith a rhowch wybod i {{fraud_name}} drwy {{fraud_site}} neu ar {{fraud_phone}}.

        Ni fydd {{council_name}} na'i gynghorwyr byth yn gofyn i chi brynu cardiau rhodd nac anfon arian drwy e-bost.

        Ein cyfrifon swyddogol
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}
        {{/official_accounts}}
        {{#accounts_link}}
        Mae'r rhestr lawn ar ein gwefan: {{accounts_link}}
        {{/accounts_link}}

        Os nad ydych yn siŵr a yw neges yn dod oddi wrthym ni, cysylltwch â'r clerc ar {{clerk_contact}}.
        """

    static let mailFacebook = header + """
        {{! Facebook: held to 5,000 characters; only the first lines show before "See more". }}
        """ + mailLongForm

    static let mailInstagram = header + """
        {{! Instagram: 2,200 characters; links in a caption cannot be tapped. }}
        """ + mailLongForm

    static let mailNextdoor = header + """
        {{! Nextdoor: no published limit, but only the first lines show; held to 600 characters in each language. }}
        Rhybudd: mae negeseuon e-bost yn enw {{impersonated}} yn dod o {{suspect_handle}}. Nid ni sy'n eu hanfon. Peidiwch ag ateb, prynu cardiau rhodd nac anfon arian; anfonwch nhw ymlaen i report@phishing.gov.uk.

        Mae ein cyfrifon swyddogol wedi'u rhestru ar {{accounts_link}}. I wneud yn siŵr a yw neges yn dod oddi wrthym ni, cysylltwch â'r clerc ar {{clerk_contact}}.

        Wedi colli arian? Cysylltwch â'ch banc a {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        """

    static let mailWebsite = header + """
        {{! The council's website: a news item of 150 to 300 words in each language. }}
        Rhybudd: negeseuon e-bost twyllodrus {{#target_person}}yn enw {{person_role}} y cyngor{{/target_person}}{{^target_person}}yn enw'r cyngor{{/target_person}}

        Cyhoeddwyd {{drafted_on}}

        """ + mailLongForm

    /// The Welsh defaults by template name.
    static let all: [String: String] = {
        typealias T = WelshWarningTemplates
        let accounts: [Channel: String] = [
            .x: T.x, .bluesky: T.bluesky, .mastodon: T.mastodon, .facebook: T.facebook, .instagram: T.instagram,
            .nextdoor: T.nextdoor, .website: T.website,
        ]
        let mail: [Channel: String] = [
            .x: T.mailX, .bluesky: T.mailBluesky, .mastodon: T.mailMastodon, .facebook: T.mailFacebook,
            .instagram: T.mailInstagram, .nextdoor: T.mailNextdoor, .website: T.mailWebsite,
        ]
        var all: [String: String] = [:]
        for (channel, text) in accounts { all[channel.templateName + T.suffix] = text }
        for (channel, text) in mail { all[channel.templateName + MailTemplates.suffix + T.suffix] = text }
        return all
    }()
}
