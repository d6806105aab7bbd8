import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

/** How long a search field waits for the user to stop typing before it searches. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The search box of a list page: a Material field with a search icon and a clear button that
 * emits the trimmed text once the user stops typing (and at once when cleared), never the same
 * text twice in a row. Labels come translated from the page.
 */
@Component({
  selector: 'cs-search-field',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-icon matPrefix>search</mat-icon>
      <input
        matInput
        type="search"
        autocomplete="off"
        spellcheck="false"
        [attr.data-testid]="testId()"
        [formControl]="text"
        [placeholder]="placeholder()"
      />
      @if (text.value) {
        <button mat-icon-button matSuffix type="button" [attr.aria-label]="clearLabel()" (click)="clear()">
          <mat-icon>close</mat-icon>
        </button>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }

    mat-form-field {
      inline-size: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchFieldComponent {
  readonly label = input.required<string>();
  readonly clearLabel = input.required<string>();
  readonly placeholder = input('');
  /** `data-testid` of the input. */
  readonly testId = input('search');
  /** The trimmed text to search for. */
  readonly searched = output<string>();

  protected readonly text = new FormControl('', { nonNullable: true });

  constructor() {
    this.text.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((text) => text.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((text) => this.searched.emit(text));
  }

  protected clear(): void {
    this.text.setValue('');
  }
}
