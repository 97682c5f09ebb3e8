<?cs # Components shared by pages: compose these instead of repeating markup. ?>
<?cs def:status_badge(ok, text) ?><span class="badge <?cs if:ok ?>badge-ok<?cs else ?>badge-bad<?cs /if ?>"><?cs var:text ?></span><?cs /def ?>
<?cs def:csrf() ?><input type="hidden" name="csrf_token" value="<?cs var:Page.csrf ?>"><?cs /def ?>
<?cs # The message of a form error, next to its field: Lang.errors.<code>. ?>
<?cs def:field_error(name) ?><?cs if:Form.error.field == name ?><p class="field-error" id="err-<?cs var:name ?>"><?cs if:Lang.errors[Form.error.code] ?><?cs var:Lang.errors[Form.error.code] ?><?cs else ?><?cs var:Lang.errors.invalid ?><?cs /if ?><?cs if:Form.error.detail ?> <code><?cs var:Form.error.detail ?></code><?cs /if ?></p><?cs /if ?><?cs /def ?>
<?cs def:error_summary() ?><?cs if:Form.error.code ?><div class="error-summary" role="alert" tabindex="-1"><p><?cs if:Lang.errors[Form.error.code] ?><?cs var:Lang.errors[Form.error.code] ?><?cs else ?><?cs var:Lang.errors.invalid ?><?cs /if ?></p></div><?cs /if ?><?cs /def ?>
<?cs def:text_field(name, label, value, type, autocomplete, required) ?><div class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>">
<label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:value ?>" autocomplete="<?cs var:autocomplete ?>"<?cs if:required ?> required<?cs /if ?><?cs if:Form.error.field == name ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>>
<?cs call:field_error(name) ?>
</div><?cs /def ?>
<?cs # A flash message: its key's text, or a text the page composed (Flash.text, e.g. with counts). ?>
<?cs def:flash() ?><?cs if:Flash.key ?><div class="flash" role="status"><?cs if:Flash.text ?><?cs var:Flash.text ?><?cs else ?><?cs var:Lang.flash[Flash.key] ?><?cs /if ?></div><?cs /if ?><?cs /def ?>
<?cs def:pager(base) ?><?cs if:Pager.pages > 1 ?><nav class="pager" aria-label="<?cs var:Lang.pager.label ?>">
<?cs if:Pager.prev ?><a href="<?cs var:base ?>?page=<?cs var:Pager.prev ?><?cs if:Pager.query ?>&amp;<?cs var:Pager.query ?><?cs /if ?>" rel="prev"><?cs var:Lang.pager.prev ?></a><?cs /if ?>
<span><?cs var:Lang.pager.page ?> <?cs var:Pager.page ?> / <?cs var:Pager.pages ?></span>
<?cs if:Pager.next ?><a href="<?cs var:base ?>?page=<?cs var:Pager.next ?><?cs if:Pager.query ?>&amp;<?cs var:Pager.query ?><?cs /if ?>" rel="next"><?cs var:Lang.pager.next ?></a><?cs /if ?>
</nav><?cs /if ?><?cs /def ?>
<?cs # A sortable column header: a link that sorts by key, flipping the direction when already sorted by it. ?>
<?cs def:sort_header(label, key, base) ?><th scope="col"<?cs if:Sort.key == key ?> aria-sort="<?cs if:Sort.dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"<?cs /if ?>><a class="sort" href="<?cs var:base ?>?sort=<?cs var:key ?>&amp;dir=<?cs if:Sort.key == key && Sort.dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?><?cs var:Search.arg ?>"><?cs var:label ?><?cs if:Sort.key == key ?> <span aria-hidden="true"><?cs if:Sort.dir == "desc" ?>▼<?cs else ?>▲<?cs /if ?></span><?cs /if ?></a></th><?cs /def ?>
<?cs # Badges of the domain's closed sets: plan, client status, establishment status. ?>
<?cs def:plan_badge(plan) ?><span class="badge badge-plan-<?cs var:plan ?>"><?cs var:Lang.enums.plan[plan] ?></span><?cs /def ?>
<?cs def:client_status_badge(s) ?><span class="badge <?cs if:s == "active" ?>badge-ok<?cs elif:s == "closed" ?>badge-bad<?cs else ?>badge-warn<?cs /if ?>"><?cs var:Lang.enums.client_status[s] ?></span><?cs /def ?>
<?cs def:estab_status_badge(s) ?><span class="badge <?cs if:s == "active" ?>badge-ok<?cs elif:s == "closed" ?>badge-bad<?cs else ?>badge-warn<?cs /if ?>"><?cs var:Lang.enums.estab_status[s] ?></span><?cs /def ?>
<?cs # A progress bar of pct (0..100) with its text for screen readers; a dash when pct is empty. ?>
<?cs def:progress(pct, label) ?><?cs if:pct != "" ?><span class="progress" role="img" aria-label="<?cs var:label ?> <?cs var:pct ?> %"><span class="progress-bar progress-<?cs var:#pct / 10 ?>"></span></span> <span class="small"><?cs var:pct ?> %</span><?cs else ?><span class="muted" aria-label="<?cs var:Lang.clients.not_yet ?>">—</span><?cs /if ?><?cs /def ?>
<?cs # A select of a closed set: name, label, the Lang.enums set, the selected key, an "any" option label (empty: none). ?>
<?cs def:enum_select(name, label, set, selected, any) ?><div class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<select id="f-<?cs var:name ?>" name="<?cs var:name ?>"><?cs if:any ?><option value=""><?cs var:any ?></option><?cs /if ?><?cs each:o = set ?><option value="<?cs name:o ?>"<?cs if:selected == name(o) ?> selected<?cs /if ?>><?cs var:o ?></option><?cs /each ?></select>
<?cs call:field_error(name) ?></div><?cs /def ?>
<?cs # Radio buttons of a closed set, in a fieldset. ?>
<?cs def:enum_radios(name, label, set, selected) ?><fieldset class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>"><legend><?cs var:label ?></legend>
<?cs each:o = set ?><label class="choice"><input type="radio" name="<?cs var:name ?>" value="<?cs name:o ?>"<?cs if:selected == name(o) ?> checked<?cs /if ?>> <?cs var:o ?></label><?cs /each ?>
<?cs call:field_error(name) ?></fieldset><?cs /def ?>
<?cs # The side navigation of a client's pages (Client.* set by rp_ui_client_chrome). ?>
<?cs def:client_nav(active) ?><nav class="sidenav" aria-label="<?cs var:Lang.clients.nav_label ?>">
<p class="sidenav-title"><?cs var:Client.name ?></p>
<ul>
<?cs if:Client.full ?><li><a href="/clients/<?cs var:Client.id ?>"<?cs if:active == "settings" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.clients.settings ?></a></li><?cs /if ?>
<li><a href="/clients/<?cs var:Client.id ?>/establishments"<?cs if:active == "establishments" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.clients.establishments ?></a></li>
<?cs if:Client.nav.duplicates ?><li><a href="/clients/<?cs var:Client.id ?>/duplicates"<?cs if:active == "duplicates" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.clients.duplicates ?></a></li><?cs /if ?>
<?cs if:Client.nav.import ?><li><a href="/clients/<?cs var:Client.id ?>/establishments/import"<?cs if:active == "import" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.clients.directory ?></a></li><?cs /if ?>
<?cs if:Client.vciso ?><li><a href="/clients/<?cs var:Client.id ?>/pilot"<?cs if:active == "pilot" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.clients.pilot ?></a></li>
<li><a href="/clients/<?cs var:Client.id ?>/risks"<?cs if:active == "risks" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.risks.nav ?></a></li>
<li><a href="/clients/<?cs var:Client.id ?>/resources"<?cs if:active == "resources" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.resources.nav ?></a></li>
<li><a href="/clients/<?cs var:Client.id ?>/actions"<?cs if:active == "actions" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.actions.nav ?></a></li>
<?cs if:Client.module.external_scan ?><li><a href="/clients/<?cs var:Client.id ?>/scans"<?cs if:active == "scans" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.scan.nav ?></a></li><?cs /if ?><?cs /if ?>
<?cs if:Client.vciso && Client.module.risk_analysis ?><li><a href="/clients/<?cs var:Client.id ?>/risk-analysis"<?cs if:active == "risk_analysis" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.ra.nav ?></a></li><?cs /if ?>
<?cs if:Client.vciso && Client.module.usage_diagnostic ?><li><a href="/clients/<?cs var:Client.id ?>/usage"<?cs if:active == "usage" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.usage.nav ?></a></li><?cs /if ?>
</ul>
<?cs if:subcount(Switch) > 1 ?><form method="get" action="/clients/switch" class="switcher">
<label for="f-switch"><?cs var:Lang.clients.switch ?></label>
<select id="f-switch" name="id"><?cs each:s = Switch ?><option value="<?cs var:s.id ?>"<?cs if:s.id == Client.id ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?></select>
<button type="submit" class="button secondary"><?cs var:Lang.clients.switch_go ?></button>
</form><?cs /if ?></nav><?cs /def ?>
<?cs # The support area's navigation. ?>
<?cs def:admin_nav(active) ?><nav class="tabs" aria-label="<?cs var:Lang.admin.nav_label ?>"><ul>
<li><a href="/admin"<?cs if:active == "clients" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admin.clients ?></a></li>
<li><a href="/admin/firms"<?cs if:active == "firms" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admin.firms ?></a></li>
<li><a href="/admin/billing-changes"<?cs if:active == "billing" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admin.billing_changes ?></a></li>
<li><a href="/admin/statement"<?cs if:active == "statement" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admin.statement ?></a></li>
</ul></nav><?cs /def ?>
<?cs # One billing change as a line of history: when, old → new, reason, by whom. ?>
<?cs def:billing_change_row(b) ?><tr><td><time datetime="<?cs var:b.at ?>"><?cs var:b.at_text ?></time></td>
<td><?cs var:Lang.clients.billing_short[b.old_mode] ?><?cs if:b.old_email ?> (<?cs var:b.old_email ?>)<?cs /if ?> → <?cs var:Lang.clients.billing_short[b.new_mode] ?><?cs if:b.new_email ?> (<?cs var:b.new_email ?>)<?cs /if ?></td>
<td><?cs var:b.reason ?></td><td><?cs var:b.by_name ?></td></tr><?cs /def ?>
<?cs def:billing_history(list) ?><?cs if:subcount(list) == 0 ?><p class="muted"><?cs var:Lang.admin.no_history ?></p><?cs else ?>
<div class="table-wrap"><table><caption class="visually-hidden"><?cs var:Lang.admin.history ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.admin.at ?></th><th scope="col"><?cs var:Lang.admin.change ?></th><th scope="col"><?cs var:Lang.admin.reason ?></th><th scope="col"><?cs var:Lang.admin.by ?></th></tr></thead>
<tbody><?cs each:b = list ?><?cs call:billing_change_row(b) ?><?cs /each ?></tbody></table></div><?cs /if ?><?cs /def ?>
<?cs # A risk level badge: the score and its level (CSS class heat-<level>). ?>
<?cs def:risk_badge(score, level) ?><span class="badge heat-<?cs var:level ?>"><?cs var:score ?> · <?cs var:Lang.risks.levels[level] ?></span><?cs /def ?>
<?cs # Heat maps: Heat.inherent_html and Heat.residual_html, written by app/ui-risks.c (heat_html). ?>
<?cs # Risk counts by level, from a Heat.*by_level node. ?>
<?cs def:risk_levels(counts) ?><ul class="risk-levels"><?cs each:l = Lang.risks.levels ?><li><span class="badge heat-<?cs name:l ?>"><?cs var:l ?></span> <?cs if:counts[name(l)] ?><?cs var:counts[name(l)] ?><?cs else ?>0<?cs /if ?></li><?cs /each ?></ul><?cs /def ?>
<?cs # Link pickers of the Pilot's forms: Reqs (requirements per adopted framework) with Sel.<id> checked; Resources with ResSel.<id> checked. ?>
<?cs def:requirement_picker(legend, empty) ?><fieldset class="field<?cs if:Form.error.field == "requirement_ids" ?> has-error<?cs /if ?>"><legend><?cs var:legend ?></legend>
<input type="hidden" name="requirement_ids_present" value="1">
<?cs if:subcount(Reqs) == 0 ?><p class="muted"><?cs var:empty ?></p><?cs /if ?>
<?cs each:g = Reqs ?><details class="req-pick"<?cs if:g.open ?> open<?cs /if ?>><summary><?cs var:g.name ?></summary>
<?cs each:r = g.items ?><label class="choice"><input type="checkbox" name="requirement_ids" value="<?cs var:r.id ?>"<?cs if:Sel[r.id] ?> checked<?cs /if ?>> <?cs var:r.label ?></label><?cs /each ?></details><?cs /each ?>
<?cs call:field_error("requirement_ids") ?></fieldset><?cs /def ?>
<?cs def:resource_picker(legend, empty) ?><fieldset class="field<?cs if:Form.error.field == "resource_ids" ?> has-error<?cs /if ?>"><legend><?cs var:legend ?></legend>
<input type="hidden" name="resource_ids_present" value="1">
<?cs if:subcount(Resources) == 0 ?><p class="muted"><?cs var:empty ?></p><?cs /if ?>
<?cs each:d = Resources ?><label class="choice"><input type="checkbox" name="resource_ids" value="<?cs var:d.id ?>"<?cs if:ResSel[d.id] ?> checked<?cs /if ?>> <?cs var:d.title ?> <span class="badge res-<?cs var:d.status ?>"><?cs var:Lang.enums.resource_status[d.status] ?></span></label><?cs /each ?>
<?cs call:field_error("resource_ids") ?></fieldset><?cs /def ?>
<?cs def:resource_status_badge(s) ?><span class="badge res-<?cs var:s ?>"><?cs var:Lang.enums.resource_status[s] ?></span><?cs /def ?>
<?cs def:status_button(to, label, confirm) ?><form method="post" action="/resources/<?cs var:Resource.id ?>/status" class="inline"><?cs call:csrf() ?><input type="hidden" name="status" value="<?cs var:to ?>"><button type="submit" class="button<?cs if:to == "draft" || confirm ?> secondary<?cs /if ?>"<?cs if:confirm ?> data-confirm="<?cs var:confirm ?>"<?cs /if ?>><?cs var:label ?></button></form><?cs /def ?>
<?cs # The library's deploy forms (a template's page, the deploy page): the clients to tick, with a select-all the script reveals; the texts the script shows; the progress and result it fills (rempart.js, data-deploy). ?>
<?cs def:deploy_data() ?> data-deploy="/api/v1/templates/deploy" data-msg-checking="<?cs var:Lang.library.js_checking ?>" data-msg-unit="<?cs var:Lang.library.js_unit ?>" data-msg-t1="<?cs var:Lang.library.deployed_template ?>" data-msg-tn="<?cs var:Lang.library.deployed_templates ?>" data-msg-c1="<?cs var:Lang.library.deployed_client ?>" data-msg-cn="<?cs var:Lang.library.deployed_clients ?>" data-msg-open="<?cs var:Lang.library.deployed_open ?>" data-msg-failed="<?cs var:Lang.library.js_failed ?>" data-msg-nothing="<?cs var:Lang.library.nothing_deployed ?>" data-msg-partial="<?cs var:Lang.library.js_partial ?>" data-msg-not_vciso="<?cs var:Lang.library.err_not_vciso ?>" data-msg-not_found="<?cs var:Lang.library.err_not_found ?>" data-msg-required="<?cs var:Lang.library.err_required ?>" data-msg-error="<?cs var:Lang.library.err_other ?>"<?cs /def ?>
<?cs def:deploy_clients() ?><fieldset class="field<?cs if:Form.error.field == "client_ids" ?> has-error<?cs /if ?>" id="deploy-clients"><legend><?cs var:Lang.library.clients_legend ?></legend>
<p class="muted small"><?cs var:Lang.library.clients_help ?></p>
<label class="choice select-all" hidden><input type="checkbox" data-select-all="client_ids"> <?cs var:Lang.library.select_all ?></label>
<?cs each:c = Clients ?><label class="choice"><input type="checkbox" name="client_ids" value="<?cs var:c.id ?>"<?cs if:ClientSel[c.id] ?> checked<?cs /if ?>> <?cs var:c.name ?></label><?cs /each ?>
<?cs call:field_error("client_ids") ?></fieldset><?cs /def ?>
<?cs def:deploy_status() ?><div class="deploy-status" hidden>
<progress max="1" value="0" aria-labelledby="deploy-progress-text"></progress>
<p id="deploy-progress-text" class="deploy-progress-text" aria-live="polite"></p>
<div class="deploy-result" tabindex="-1"></div>
</div><?cs /def ?>
<?cs # The firm's templates as checkboxes named template_ids (TplSel.<id> ticked), a group per type (Templates set by rp_ui_template_picker). ?>
<?cs def:template_choices() ?><?cs each:k = Lang.enums.resource_type ?><?cs set:count = 0 ?><?cs each:t = Templates ?><?cs if:t.type == name(k) ?><?cs set:count = count + 1 ?><?cs /if ?><?cs /each ?><?cs if:count > 0 ?><fieldset class="assign-group"><legend><?cs var:k ?></legend>
<?cs each:t = Templates ?><?cs if:t.type == name(k) ?><label class="choice"><input type="checkbox" name="template_ids" value="<?cs var:t.id ?>"<?cs if:TplSel[t.id] ?> checked<?cs /if ?>> <?cs var:t.title ?> <span class="muted small">v<?cs var:t.version ?></span></label><?cs /if ?><?cs /each ?></fieldset>
<?cs /if ?><?cs /each ?><?cs /def ?>
<?cs include:"risk-analysis-macros.cs" ?>
<?cs # ---- external scan (app/ui-scans.c) ---- ?>
<?cs # A finding's severity: high, medium, low, info. ?>
<?cs def:scan_severity(s) ?><span class="badge sev-<?cs var:s ?>"><?cs var:Lang.enums.scan_severity[s] ?></span><?cs /def ?>
<?cs # Counts by severity of a node holding high, medium, low, info. ?>
<?cs def:scan_counts(counts) ?><ul class="scan-counts"><?cs each:l = Lang.enums.scan_severity ?><li><?cs call:scan_severity(name(l)) ?> <?cs if:counts[name(l)] ?><?cs var:counts[name(l)] ?><?cs else ?>0<?cs /if ?></li><?cs /each ?></ul><?cs /def ?>
<?cs # A finding's change since the previous scan. ?>
<?cs def:scan_change(c) ?><span class="badge <?cs if:c == "new" ?>badge-warn<?cs elif:c == "fixed" ?>badge-ok<?cs else ?>badge-plan-essential<?cs /if ?>"><?cs var:Lang.scan.changes[c] ?></span><?cs /def ?>
<?cs # A table of findings (list), with the action column for vCISOs (actions set). ?>
<?cs def:scan_findings(list, caption, id, actions) ?><div class="table-wrap"><table id="<?cs var:id ?>">
<caption class="visually-hidden"><?cs var:caption ?></caption>
<thead><tr><th scope="col"><?cs var:Lang.scan.severity ?></th><th scope="col"><?cs var:Lang.scan.host ?></th><th scope="col"><?cs var:Lang.scan.port ?></th><th scope="col"><?cs var:Lang.scan.service ?></th><th scope="col"><?cs var:Lang.scan.change ?></th><?cs if:actions ?><th scope="col"><?cs var:Lang.scan.action_col ?></th><?cs /if ?></tr></thead>
<tbody><?cs each:f = list ?><tr id="<?cs var:id ?>-<?cs var:f.id ?>">
<td><?cs call:scan_severity(f.severity) ?><br><span class="small muted"><?cs if:Lang.scan.rules[f.rule] ?><?cs var:Lang.scan.rules[f.rule] ?><?cs else ?><?cs var:f.rule ?><?cs /if ?></span></td>
<td><code><?cs var:f.host ?></code><?cs if:f.hostname ?><br><span class="small"><?cs var:f.hostname ?></span><?cs /if ?><?cs if:f.in_targets == "0" ?><br><span class="badge badge-warn small"><?cs var:Lang.scan.outside ?></span><?cs /if ?></td>
<td><?cs var:f.port ?>/<?cs var:f.protocol ?></td>
<td><?cs if:f.service ?><?cs var:f.service ?><?cs else ?>—<?cs /if ?><?cs if:f.product ?><br><span class="small muted"><?cs var:f.product ?> <?cs var:f.version ?></span><?cs /if ?></td>
<td><?cs call:scan_change(f.change) ?></td>
<?cs if:actions ?><td><?cs if:f.action.id ?><a href="/actions/<?cs var:f.action.id ?>"><?cs var:f.action.title ?></a> <span class="small muted">(<?cs var:Lang.enums.action_status[f.action.status] ?>)</span><?cs elif:f.change != "fixed" ?><form method="post" action="/findings/<?cs var:f.id ?>/action" class="inline"><?cs call:csrf() ?><button type="submit" class="button secondary"><?cs var:Lang.scan.to_action ?></button></form><?cs else ?>—<?cs /if ?></td><?cs /if ?>
</tr><?cs /each ?></tbody></table></div><?cs /def ?>
<?cs # ---- end of external scan ---- ?>
<?cs include:"usage-macros.cs" ?>
