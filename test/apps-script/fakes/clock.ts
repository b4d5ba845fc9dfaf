/** A fake clock for the vm: `new Date()` and `Date.now()` in the script read it; services advance it. */
export class FakeClock {
  constructor(public ms: number = Date.UTC(2026, 3, 10, 2, 0, 0)) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Source run inside the vm context to replace its Date with one that reads `__clock`. */
export const INSTALL_FAKE_DATE = `
(function (clock) {
  var RealDate = Date;
  function FakeDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!(this instanceof FakeDate)) return new RealDate(clock.now()).toString();
    var d = args.length === 0 ? new RealDate(clock.now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
    Object.setPrototypeOf(d, FakeDate.prototype);
    return d;
  }
  FakeDate.prototype = Object.create(RealDate.prototype);
  FakeDate.prototype.constructor = FakeDate;
  FakeDate.now = function () { return clock.now(); };
  FakeDate.UTC = RealDate.UTC;
  FakeDate.parse = RealDate.parse;
  globalThis.Date = FakeDate;
})(__clock);
`;
