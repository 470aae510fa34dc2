/*
 * network_file.c — reading the national air-quality network's station and
 * city files (see network_file.h).
 */
#include "network_file.h"
#include "calendar.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[NF_N_TYPES] = {
	"AQI", "PM2.5", "PM2.5_24h", "PM10", "PM10_24h", "SO2", "SO2_24h", "NO2", "NO2_24h",
	"O3", "O3_24h", "O3_8h", "O3_8h_24h", "CO", "CO_24h"
};

static const char *const status_reasons[NF_N_STATUS] = {
	"ok", "empty", "not monitored", "non-numeric", "negative", "not finite"
};

const char *
nf_type_name(nf_type t)
{
	return (unsigned) t < NF_N_TYPES ? type_names[t] : "?";
}

const char *
nf_status_reason(nf_status s)
{
	return (unsigned) s < NF_N_STATUS ? status_reasons[s] : "?";
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && (**s == ' ' || **s == '\t'))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r'))
		(*len)--;
}

int
nf_type_parse(const char *s, size_t len)
{
	trim(&s, &len);
	for (int t = 0; t < NF_N_TYPES; t++)
	{
		const char *n = type_names[t];
		size_t		i;

		if (strlen(n) != len)
			continue;
		for (i = 0; i < len && lower((unsigned char) s[i]) == lower((unsigned char) n[i]); i++)
			;
		if (i == len)
			return t;
	}
	return -1;
}

nf_status
nf_parse_value(const char *s, size_t len, double *out)
{
	char		buf[64];
	size_t		i = 0,
				digits = 0;
	int			neg = 0;
	double		v;

	trim(&s, &len);
	*out = 0;
	if (len == 0 || (len == 2 && lower((unsigned char) s[0]) == 'n' && lower((unsigned char) s[1]) == 'a'))
		return NF_EMPTY;
	if (len == 1 && s[0] == '/')
		return NF_NOT_MONITORED;
	if (len >= sizeof buf)
		return NF_NON_NUMERIC;
	/* [+-]digits[.digits][(e|E)[+-]digits]: no hex, inf or nan as strtod would accept */
	if (s[i] == '+' || s[i] == '-')
		neg = s[i++] == '-';
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < len && s[i] == '.')
	{
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	if (digits == 0)
		return NF_NON_NUMERIC;
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		size_t		ed = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, ed++;
		if (ed == 0)
			return NF_NON_NUMERIC;
	}
	if (i != len)
		return NF_NON_NUMERIC;
	memcpy(buf, s, len);
	buf[len] = '\0';
	v = strtod(buf, NULL);
	if (!isfinite(v))
		return NF_NOT_FINITE;
	if (v == 0)
		v = 0;					/* -0 is zero */
	*out = v;
	if (neg && v < 0)
		return NF_NEGATIVE;
	return NF_OK;
}

int
nf_split(const char *line, size_t len, nf_field *fields, int max)
{
	size_t		i = 0;
	int			n = 0;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	for (;;)
	{
		nf_field	f;

		if (i < len && line[i] == '"')
		{
			size_t		start = ++i;

			for (;;)
			{
				if (i >= len)
					return -1;
				if (line[i] == '"')
				{
					if (i + 1 < len && line[i + 1] == '"')
					{
						i += 2;
						continue;
					}
					break;
				}
				i++;
			}
			f.p = line + start;
			f.len = i - start;
			f.quoted = 1;
			i++;				/* closing quote */
			/* anything up to the comma after a closing quote is kept out */
			while (i < len && line[i] != ',')
				i++;
		}
		else
		{
			const char *c = memchr(line + i, ',', len - i);
			size_t		end = c ? (size_t) (c - line) : len;

			f.p = line + i;
			f.len = end - i;
			f.quoted = 0;
			i = end;
		}
		if (n < max)
			fields[n] = f;
		n++;
		if (i >= len)
			break;
		i++;					/* the comma */
	}
	return n;
}

size_t
nf_unquote(const nf_field *f, char *buf)
{
	size_t		n = 0;

	for (size_t i = 0; i < f->len; i++)
	{
		buf[n++] = f->p[i];
		if (f->quoted && f->p[i] == '"' && i + 1 < f->len && f->p[i + 1] == '"')
			i++;
	}
	buf[n] = '\0';
	return n;
}

static int
num(const char *s, size_t n, int *v)
{
	int			r = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return 0;
		r = r * 10 + (s[i] - '0');
	}
	*v = r;
	return 1;
}

int
nf_parse_date(const char *s, size_t len, int *y, int *m, int *d)
{
	int			ok;

	trim(&s, &len);
	if (len == 8)
		ok = num(s, 4, y) && num(s + 4, 2, m) && num(s + 6, 2, d);
	else if (len == 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4])
		ok = num(s, 4, y) && num(s + 5, 2, m) && num(s + 8, 2, d);
	else
		ok = 0;
	return ok && *y >= 1900 && eco_cal_valid_date(*y, *m, *d);
}

int
nf_parse_hour(const char *s, size_t len)
{
	int			h;

	trim(&s, &len);
	if (len < 1 || len > 2 || !num(s, len, &h) || h > 23)
		return -1;
	return h;
}

size_t
nf_skip_bom(const char *s, size_t len)
{
	return len >= 3 && (unsigned char) s[0] == 0xEF && (unsigned char) s[1] == 0xBB && (unsigned char) s[2] == 0xBF ? 3 : 0;
}
