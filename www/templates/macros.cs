<?cs # Components shared by pages: compose these instead of repeating markup. ?>
<?cs def:status_badge(ok, text) ?><span class="badge <?cs if:ok ?>badge-ok<?cs else ?>badge-bad<?cs /if ?>"><?cs var:text ?></span><?cs /def ?>
<?cs def:csrf() ?><input type="hidden" name="csrf_token" value="<?cs var:Page.csrf ?>"><?cs /def ?>
<?cs # The message of a form error, next to its field: Lang.errors.<code>. ?>
<?cs def:field_error(name) ?><?cs if:Form.error.field == name ?><p class="field-error" id="err-<?cs var:name ?>"><?cs alt:Lang.errors[Form.error.code] ?><?cs var:Lang.errors.invalid ?><?cs /alt ?></p><?cs /if ?><?cs /def ?>
<?cs def:error_summary() ?><?cs if:Form.error.code ?><div class="error-summary" role="alert" tabindex="-1"><p><?cs alt:Lang.errors[Form.error.code] ?><?cs var:Lang.errors.invalid ?><?cs /alt ?></p></div><?cs /if ?><?cs /def ?>
<?cs def:text_field(name, label, value, type, autocomplete, required) ?><div class="field<?cs if:Form.error.field == name ?> has-error<?cs /if ?>">
<label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:value ?>" autocomplete="<?cs var:autocomplete ?>"<?cs if:required ?> required<?cs /if ?><?cs if:Form.error.field == name ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>>
<?cs call:field_error(name) ?>
</div><?cs /def ?>
<?cs def:flash() ?><?cs if:Flash.key ?><div class="flash" role="status"><?cs var:Lang.flash[Flash.key] ?></div><?cs /if ?><?cs /def ?>
<?cs def:pager(base) ?><?cs if:Pager.pages > 1 ?><nav class="pager" aria-label="<?cs var:Lang.pager.label ?>">
<?cs if:Pager.prev ?><a href="<?cs var:base ?>?page=<?cs var:Pager.prev ?><?cs if:Pager.query ?>&amp;<?cs var:Pager.query ?><?cs /if ?>" rel="prev"><?cs var:Lang.pager.prev ?></a><?cs /if ?>
<span><?cs var:Lang.pager.page ?> <?cs var:Pager.page ?> / <?cs var:Pager.pages ?></span>
<?cs if:Pager.next ?><a href="<?cs var:base ?>?page=<?cs var:Pager.next ?><?cs if:Pager.query ?>&amp;<?cs var:Pager.query ?><?cs /if ?>" rel="next"><?cs var:Lang.pager.next ?></a><?cs /if ?>
</nav><?cs /if ?><?cs /def ?>
<?cs # A sortable column header: a link that sorts by key, flipping the direction when already sorted by it. ?>
<?cs def:sort_header(label, key, base) ?><th scope="col"<?cs if:Sort.key == key ?> aria-sort="<?cs if:Sort.dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"<?cs /if ?>><a class="sort" href="<?cs var:base ?>?sort=<?cs var:key ?>&amp;dir=<?cs if:Sort.key == key && Sort.dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?><?cs var:Search.arg ?>"><?cs var:label ?><?cs if:Sort.key == key ?> <span aria-hidden="true"><?cs if:Sort.dir == "desc" ?>▼<?cs else ?>▲<?cs /if ?></span><?cs /if ?></a></th><?cs /def ?>
