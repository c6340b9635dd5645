/** Defines a custom element unless one of that name exists: a second include changes nothing. */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}
