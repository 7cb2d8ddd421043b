/// The built-in wording of takedown reports: `notice-reason` is the text for the form's description
/// box (and the API's comment); `notice` lays out the whole report the clerk works from.
enum NoticeTemplates {
    static let reason = WarningTemplates.header + """
        {{! The description box of the platform's form, and the comment of an API report. }}
        {{! It must fit the box: 1,000 characters on most forms, 1,000 on Mastodon, 2,000 on Bluesky. }}
        {{#target_council}}
        I am {{reporter_name}}, {{reporter_role}} of {{council_name}}, a local council in the United Kingdom, and I am reporting on the council's behalf.
        {{/target_council}}
        {{#target_person}}
        I am {{person_name}}, {{person_role}} of {{council_name}}, a local council in the United Kingdom.
        {{/target_person}}
        The account {{suspect_url}} ("{{suspect_name}}", {{suspect_handle}}) is pretending to be {{#target_person}}me{{/target_person}}{{^target_person}}the council{{/target_person}}. It is not ours and we have not authorised it.{{#optional 1}} We first saw it on {{first_seen}}.{{/optional}}
        {{#optional 2}}
        {{#suspect_bio}}
        Its bio reads: "{{suspect_bio}}"
        {{/suspect_bio}}
        {{/optional}}
        {{#optional 3}}
        {{#evidence}}
        - {{evidence_line}}
        {{/evidence}}
        {{/optional}}
        Our official account is {{official_link}}{{#accounts_link}}, and our website lists our accounts at {{accounts_link}}{{/accounts_link}}. Please remove the impersonating account.{{#clerk_email}} The council's clerk can confirm this report: {{clerk_email}}.{{/clerk_email}}
        """

    static let notice = WarningTemplates.header + """
        {{! The whole report for one platform, as the clerk reads it. No length limit. }}
        Report to {{platform_name}}: an account pretending to be {{impersonated}}

        Where to report
        {{#report_form}}
        Web form: {{report_form}}
        {{/report_form}}
        {{#report_guide}}
        Help page: {{report_guide}}
        {{/report_guide}}
        In the app: {{report_in_app}}
        {{#api_endpoint}}
        Through the API: {{api_endpoint}}. impostor can send it with the council's own credentials.
        {{/api_endpoint}}
        {{#route_unconfirmed}}
        Check this route on {{platform_name}} before relying on it: it comes from a secondary source, not from {{platform_name}}'s own pages.
        {{/route_unconfirmed}}

        Who may report
        {{#target_council}}
        The council reports it, through {{reporter_name}} ({{reporter_role}}) or another officer it authorises.{{#organisation_proof}} {{platform_name}} may ask for {{organisation_proof}}.{{/organisation_proof}}
        {{/target_council}}
        {{#target_person}}
        {{person_name}} ({{person_role}}) must report it in person, or someone legally authorised by them: the council cannot report the impersonation of a person for them.
        {{#id_required}}
        {{platform_name}} asks for the person's own government photo ID. They upload it themselves, straight to {{platform_name}}.
        {{/id_required}}
        impostor never stores identity documents: do not send ID to the council or keep a copy with this case.
        {{/target_person}}
        {{#anyone_may_flag}}
        Anyone, the council's own {{platform_name}} account included, may also flag the account in the app.
        {{/anyone_may_flag}}

        The impersonating account: {{suspect_url}}
        The council's official account: {{official_link}}

        Form fields
        {{#fields}}
        {{field_label}}: {{field_value}}
        {{/fields}}

        Description
        {{description}}

        Evidence
        {{#evidence}}
        - {{evidence_line}}
        {{/evidence}}
        """

    static let all: [String: String] = ["notice": notice, "notice-reason": reason]
}
