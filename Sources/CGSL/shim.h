#ifndef FFANALOG_CGSL_SHIM_H
#define FFANALOG_CGSL_SHIM_H
// GSL random numbers (pkg-config: gsl, apt: libgsl-dev).
//
// Only gsl_rng.h is included: gsl_randist.h pulls in gsl_cblas.h, whose CBLAS
// enums clash with OpenBLAS's cblas.h when one Swift module sees both. The
// few distribution prototypes ffanalog needs are declared here instead; they
// match gsl/gsl_randist.h of GSL 2.x.
#include <gsl/gsl_rng.h>

double gsl_ran_gaussian(const gsl_rng *r, const double sigma);
double gsl_ran_gaussian_ziggurat(const gsl_rng *r, const double sigma);
double gsl_ran_lognormal(const gsl_rng *r, const double zeta, const double sigma);
double gsl_ran_flat(const gsl_rng *r, const double a, const double b);
unsigned int gsl_ran_bernoulli(const gsl_rng *r, double p);
unsigned int gsl_ran_binomial(const gsl_rng *r, double p, unsigned int n);
double gsl_ran_exponential(const gsl_rng *r, const double mu);
void gsl_ran_shuffle(const gsl_rng *r, void *base, size_t nmembm, size_t size);

// Generator types are C globals, which Swift 6 refuses to read directly.
static inline const gsl_rng_type *ffanalog_gsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *ffanalog_gsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *ffanalog_gsl_rng_taus2(void) { return gsl_rng_taus2; }
#endif
